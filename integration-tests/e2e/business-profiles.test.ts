import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { signUpCustomer } from "../support/api"
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
  await page.getByRole("heading", { name: "My account" }).waitFor()
}

describe("business profiles in My account", () => {
  it("adds a business profile, shows a clear error for a bad email, and deletes it", async () => {
    const { email, password } = await signUpCustomer({ first_name: "Beth", last_name: "Builder", kind: "business" })
    const page = await browser.newPage({ javaScriptEnabled: false })
    await signIn(page, email, password)
    await page.getByRole("link", { name: "Add a business profile" }).click()
    await page.getByLabel("Business name").fill("Builder & Daughters Ltd")
    await page.getByLabel("Billing email").fill("not-an-email")
    await page.getByLabel("Address", { exact: true }).fill("9 Quarry Lane")
    await page.getByLabel("Town or city").fill("Leeds")
    await page.getByLabel("Postcode").fill("LS1 4AP")
    await page.getByRole("button", { name: "Save business profile" }).click()
    const alert = page.getByRole("alert").first()
    await alert.waitFor()
    expect(await alert.innerText()).toMatch(/email/i)

    await page.getByLabel("Billing email").fill("accounts@builderanddaughters.co.uk")
    await page.getByRole("button", { name: "Save business profile" }).click()
    await page.getByTestId("account-notice").waitFor()
    const profile = page.getByTestId("business-profile")
    expect(await profile.count()).toBe(1)
    expect(await profile.innerText()).toContain("Builder & Daughters Ltd")
    expect(await profile.innerText()).toContain("accounts@builderanddaughters.co.uk")

    await profile.getByRole("button", { name: "Delete" }).click()
    await page.getByTestId("business-profile-delete-confirm").waitFor()
    await page.getByRole("button", { name: "Delete this business profile" }).click()
    await page.getByTestId("account-notice").waitFor()
    expect(await page.getByTestId("business-profile").count()).toBe(0)
    await page.close()
  })
})
