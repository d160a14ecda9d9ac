import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { api, latestEmail, login, signUpCustomer } from "../support/api"
import { launchBrowser } from "../support/browser"

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${inject("portalUrl")}/sign-in`)
  await page.getByLabel("Email").fill(email)
  await page.getByLabel("Password").fill(password)
  await page.getByRole("button", { name: "Sign in" }).click()
}

describe.each([
  { mode: "with JavaScript", javaScriptEnabled: true },
  { mode: "without JavaScript", javaScriptEnabled: false },
])("customer portal $mode", ({ javaScriptEnabled }) => {
  it("lists the services with starting prices", async () => {
    const page = await browser.newPage({ javaScriptEnabled })
    await page.goto(inject("portalUrl"))
    const cards = page.getByTestId("service-card")
    expect(await cards.count()).toBeGreaterThanOrEqual(8)
    const clean = cards.filter({ hasText: "Regular Home Clean" })
    await expect.poll(() => clean.innerText()).toContain("From £65.00")
    await page.close()
  })

  it("shows FAQs and terms from the CMS on the support page", async () => {
    const page = await browser.newPage({ javaScriptEnabled })
    await page.goto(`${inject("portalUrl")}/support`)
    const faq = page.getByTestId("faq").filter({ hasText: "Is my card stored safely?" })
    await faq.locator("summary").click()
    expect(await faq.innerText()).toContain("never touch our servers")
    const cancellation = page.getByTestId("terms").filter({ hasText: "Cancellation and rescheduling policy" })
    expect(await cancellation.innerText()).toContain("Version 1.3")
    // The rules come from the portal's settings, written once, not restated in the CMS.
    const policy = (await api("/store/portal/settings")).body.portal.booking_changes
    expect(await cancellation.innerText()).toContain(policy.cancellation_policy)
    expect(await cancellation.innerText()).not.toContain("{{")
    // Markdown: paragraphs and bold, not literal asterisks.
    const home = page.getByTestId("faq").filter({ hasText: "Do I need to be home during the visit?" })
    await home.locator("summary").click()
    expect(await home.locator("strong").innerText()).toBe("Tip:")
    expect(await home.locator("p").count()).toBe(2)
    expect(await home.innerText()).not.toContain("**")
    await page.close()
  })

  it("signs the demo customer in and shows My account", async () => {
    const demo = inject("demo")
    const page = await browser.newPage({ javaScriptEnabled })
    await signIn(page, demo.customerEmail, demo.customerPassword)
    await page.waitForURL("**/account")
    // With JavaScript the URL changes before the new page has rendered.
    await page.getByRole("heading", { name: "My account" }).waitFor()
    expect(await page.getByTestId("account-name").innerText()).toBe("Olivia Bennett")
    expect(await page.getByTestId("account-email").innerText()).toBe(demo.customerEmail)
    expect(await page.getByTestId("account-kind").innerText()).toBe("Personal account")

    await page.getByRole("button", { name: "Sign out" }).click()
    await page.waitForURL((url) => url.pathname === "/")
    await page.getByTestId("signed-out").waitFor()
    expect(await page.getByTestId("signed-out").innerText()).toContain("You’re signed out.")
    await page.goto(`${inject("portalUrl")}/account`)
    expect(new URL(page.url()).pathname).toBe("/sign-in")
    await page.close()
  })

  it("changes the password only when the new one is typed twice the same, and emails the customer that it changed", async () => {
    const customer = await signUpCustomer({ first_name: "Cass", last_name: javaScriptEnabled ? "Changer" : "Changernojs" })
    const page = await browser.newPage({ javaScriptEnabled })
    await signIn(page, customer.email, customer.password)
    await page.getByRole("heading", { name: "My account" }).waitFor()
    const form = page.getByRole("region", { name: "Change password" })
    await form.getByLabel("Current password").fill(customer.password)
    await form.getByLabel("New password", { exact: true }).fill("a-new-password-1")
    await form.getByLabel("New password again").fill("a-new-pasword-1")
    await form.getByRole("button", { name: "Change password" }).click()
    await expect.poll(() => page.locator("#confirm_password-error").innerText()).toContain("The two new passwords are different")
    // Nothing changed: the old password still signs in.
    expect(await login("customer", customer.email, customer.password)).toBeTruthy()

    await form.getByLabel("Current password").fill(customer.password)
    await form.getByLabel("New password", { exact: true }).fill("a-new-password-1")
    await form.getByLabel("New password again").fill("a-new-password-1")
    await form.getByRole("button", { name: "Change password" }).click()
    await page.getByTestId("password-changed").waitFor()
    const mail = await latestEmail(customer.email, "password-changed")
    expect(new URL(mail.data.reset_url).pathname).toBe("/forgot-password")
    await page.close()

    const again = await browser.newPage({ javaScriptEnabled })
    await signIn(again, customer.email, "a-new-password-1")
    await again.getByRole("heading", { name: "My account" }).waitFor()
    await again.close()
  })

  it("tells the customer when the password is wrong", async () => {
    const demo = inject("demo")
    const page = await browser.newPage({ javaScriptEnabled })
    await signIn(page, demo.customerEmail, "not-the-password")
    const alert = page.getByRole("alert")
    await alert.waitFor()
    expect(await alert.innerText()).toContain("Email or password is incorrect")
    expect(await page.getByLabel("Email").inputValue()).toBe(demo.customerEmail)
    await page.close()
  })
})
