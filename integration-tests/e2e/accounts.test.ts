import type { Browser } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { latestEmail, uniqueEmail } from "../support/api"
import { launchBrowser } from "../support/browser"

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe("customer accounts in the portal", () => {
  it("signs up, confirms the email from the link, then logs in to My account", async () => {
    const email = uniqueEmail("portal.signup")
    const page = await browser.newPage()
    await page.goto(`${inject("portalUrl")}/sign-up`)
    await page.getByLabel("First name").fill("Harriet")
    await page.getByLabel("Last name").fill("Vane")
    await page.getByLabel("Email").fill(email)
    await page.getByLabel("Phone").fill("+44 7700 900333")
    await page.getByLabel("Password").fill("harriet-password")
    await page.getByLabel("Business").check()
    await page.getByRole("button", { name: "Create account" }).click()
    await page.getByTestId("sign-up-done").waitFor()

    // Not confirmed yet: the sign-in page says why and offers to resend.
    await page.goto(`${inject("portalUrl")}/sign-in`)
    await page.getByLabel("Email").fill(email)
    await page.getByLabel("Password").fill("harriet-password")
    await page.getByRole("button", { name: "Sign in" }).click()
    const alert = page.getByRole("alert")
    await alert.waitFor()
    expect(await alert.innerText()).toMatch(/confirm your email/i)
    expect(await page.getByRole("button", { name: /send the verification email again/i }).isVisible()).toBe(true)

    // The link from the recorded email.
    const mail = await latestEmail(email, "account-verification")
    await page.goto(mail.data.verify_url)
    await page.getByRole("button", { name: "Confirm my email" }).click()
    // Confirming signs her in: no password asked again.
    await page.waitForURL("**/account")
    expect(await page.getByTestId("account-notice").innerText()).toContain("Your email is confirmed and you're signed in")
    expect(await page.getByTestId("account-name").innerText()).toBe("Harriet Vane")
    expect(await page.getByTestId("account-kind").innerText()).toBe("Business account")
    await page.close()
  })

  it("keeps a new customer's booking: from Book through sign-up and the email link, signed in and back at the step", async () => {
    const email = uniqueEmail("portal.newbooker")
    const page = await browser.newPage({ javaScriptEnabled: false })
    await page.goto(`${inject("portalUrl")}/book/regular-home-clean`)
    await page.waitForURL("**/sign-in?redirectTo=**")
    await page.getByRole("link", { name: "Create an account" }).click()
    await page.waitForURL("**/sign-up?redirectTo=**")
    await page.getByLabel("First name").fill("Nell")
    await page.getByLabel("Last name").fill("Newcomer")
    await page.getByLabel("Email").fill(email)
    await page.getByLabel("Phone").fill("+44 7700 900444")
    await page.getByLabel("Password").fill("nell-password-1")
    await page.getByRole("button", { name: "Create account" }).click()
    await page.getByTestId("sign-up-done").waitFor()

    // The email's link names the page to come back to; confirming signs her in there, in a new browser too.
    const mail = await latestEmail(email, "account-verification")
    expect(new URL(mail.data.verify_url).searchParams.get("next")).toBe("/book/regular-home-clean")
    const fresh = await browser.newPage({ javaScriptEnabled: false })
    await fresh.goto(mail.data.verify_url)
    await fresh.getByRole("button", { name: "Confirm my email" }).click()
    await fresh.getByTestId("booking-step-option").waitFor()
    expect(new URL(fresh.url()).pathname).toBe("/book/regular-home-clean")
    expect(await fresh.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My account" }).count()).toBe(1)
    await fresh.close()
    await page.close()
  })

  it("logs in with email and booking number and lists that email's bookings", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false })
    await page.goto(`${inject("portalUrl")}/booking-sign-in`)
    await page.getByLabel("Email").fill(inject("demo").customerEmail)
    await page.getByLabel("Booking number").fill("bk-7f3k-q9xm-2pwd")
    await page.getByRole("button", { name: "Sign in" }).click()
    await page.waitForURL("**/my-booking")
    const rows = page.getByTestId("booking-row")
    expect(await rows.count()).toBeGreaterThanOrEqual(1)
    const demoRow = await rows.filter({ hasText: "BK-7F3K-Q9XM-2PWD" }).innerText()
    expect(demoRow).toContain("Regular Home Clean")
    // The arrival window in the same words as every other page ("Wednesday 9 December 2026, 09:00–12:00").
    expect(demoRow).toMatch(/[A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}–\d{2}:\d{2}/)
    // The restricted session is not a signed-in customer: a page needing a full account says so.
    await page.goto(`${inject("portalUrl")}/account`)
    expect(new URL(page.url()).pathname).toBe("/my-booking")
    expect(await page.getByTestId("needs-account").innerText()).toContain("That page needs a full account")
    await page.close()
  })

  it("tells the customer when a booking number is wrong", async () => {
    const page = await browser.newPage()
    await page.goto(`${inject("portalUrl")}/booking-sign-in`)
    await page.getByLabel("Email").fill(inject("demo").customerEmail)
    await page.getByLabel("Booking number").fill("BK-0000-0000-0000")
    await page.getByRole("button", { name: "Sign in" }).click()
    const alert = page.getByRole("alert")
    await alert.waitFor()
    expect(await alert.innerText()).toMatch(/incorrect/i)
    await page.close()
  })
})
