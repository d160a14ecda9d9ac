import type { Browser } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { launchBrowser } from "../support/browser"

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe("Medusa admin", () => {
  it("shows the customer profile widget on a customer's page", async () => {
    const demo = inject("demo")
    const page = await browser.newPage()
    // The first visit compiles the admin in development mode, which takes a while on 2 cores.
    page.setDefaultTimeout(90_000)
    await page.goto(`${inject("backendUrl")}/app/login`)
    await page.locator('input[name="email"]').fill(demo.adminEmail)
    await page.locator('input[name="password"]').fill(demo.adminPassword)
    await page.getByRole("button", { name: "Continue with Email" }).click()
    await page.waitForURL((url) => !url.pathname.endsWith("/login"))

    await page.goto(`${inject("backendUrl")}/app/customers`)
    await page.getByText("james.carter@carterlettings.co.uk").click()
    const widget = page.getByTestId("customer-profile-widget")
    await widget.waitFor()
    expect(await widget.getByText("Customer profile").isVisible()).toBe(true)
    await expect.poll(() => page.getByTestId("customer-profile-kind").innerText()).toContain("Business")
    expect(await page.getByTestId("customer-profile-status").innerText()).toBe("Active")
    await page.close()
  }, 240_000)
})
