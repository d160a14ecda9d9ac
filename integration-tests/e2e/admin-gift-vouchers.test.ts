import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, api, latestEmail, signUpCustomer } from "../support/api"
import { launchBrowser, signInToAdmin } from "../support/browser"

/**
 * Issue #20 item 5 in the browser: staff open Gift vouchers, issue one to a customer from the
 * drawer, find it in the list, open it and disable it; Settings → Gift vouchers saves.
 */

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const app = (path: string) => `${inject("backendUrl")}/app${path}`
const toast = (page: Page, text: string) => page.locator("[data-sonner-toast]", { hasText: text }).first().waitFor()

describe.sequential("Admin: gift vouchers", () => {
  it("issues a voucher to a customer from the drawer, finds it in the list, opens it and disables it", async () => {
    const token = await adminToken()
    const hana = await signUpCustomer({ first_name: "Hana", last_name: "Apology" })
    const page = await signInToAdmin(browser)
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(app("/gift-vouchers"))
    await page.getByTestId("gift-vouchers-page").waitFor()

    await page.getByTestId("gift-vouchers-issue").click()
    await page.getByTestId("issue-voucher-drawer").waitFor()
    await page.getByTestId("issue-voucher-field-amount").fill("12.50")
    await page.getByTestId("issue-voucher-customer-search").fill(hana.email)
    await page.getByTestId("issue-voucher-customer-option").first().click()
    await page.getByTestId("issue-voucher-customer-chosen").getByText("Hana Apology").waitFor()
    // Choosing her fills in who it is for.
    expect(await page.getByTestId("issue-voucher-field-recipient_email").inputValue()).toBe(hana.email)
    await page.getByTestId("issue-voucher-field-message").fill("Sorry about Tuesday")
    await page.getByTestId("issue-voucher-save").click()
    await toast(page, "issued")

    // Its page: the code the email carries, in her account.
    await page.getByTestId("gift-voucher-page").waitFor()
    const email = await latestEmail(hana.email, "gift-voucher-delivery")
    const code = email.data.code as string
    await expect.poll(() => page.getByTestId("gift-voucher-code").textContent()).toBe(code)
    expect(await page.getByTestId("gift-voucher-status").textContent()).toBe("Active")
    expect(await page.getByTestId("gift-voucher-holder").textContent()).toContain("Hana Apology")
    expect(await page.getByTestId("gift-voucher-history-row").count()).toBe(1)

    // In the list, found by its code.
    await page.goto(app("/gift-vouchers"))
    await page.getByTestId("gift-vouchers-search").fill(code)
    await expect.poll(() => page.getByTestId("gift-vouchers-row").count()).toBe(1)
    expect(await page.getByTestId("gift-vouchers-row-status").textContent()).toBe("Active")
    await page.getByTestId("gift-vouchers-row").first().click()

    await page.getByTestId("gift-voucher-toggle").click()
    await page.getByRole("button", { name: "Disable", exact: true }).last().click()
    await toast(page, "Voucher disabled")
    await expect.poll(() => page.getByTestId("gift-voucher-status").textContent()).toBe("Disabled")
    const held = (await api("/store/customers/me/gift-vouchers", { token: hana.token })).body.held
    expect(held.map((voucher: { code: string; status: string }) => [voucher.code, voucher.status])).toEqual([[code, "disabled"]])
    expect((await api(`/admin/gift-vouchers?status=disabled&q=${code}`, { token })).body.count).toBe(1)
    await page.close()
  })

  it("Settings → Gift vouchers saves the amounts, limits and validity", async () => {
    const token = await adminToken()
    const before = (await api("/admin/gift-vouchers/settings", { token })).body.settings
    const page = await signInToAdmin(browser)
    try {
      await page.goto(app("/settings/gift-vouchers"))
      await page.getByTestId("gift-voucher-settings-form").waitFor()
      await page.getByTestId("gift-voucher-amounts").fill("20, 40, 80")
      await page.getByTestId("gift-voucher-max_amount").fill("300")
      await page.getByTestId("gift-voucher-validity_months").fill("18")
      await page.getByTestId("gift-voucher-settings-save").click()
      await toast(page, "Gift voucher settings saved")
      expect((await api("/admin/gift-vouchers/settings", { token })).body.settings).toMatchObject({
        amounts: [20, 40, 80],
        max_amount: 300,
        validity_months: 18,
      })

      // The smallest above the largest: the API's own words, nothing saved.
      await page.getByTestId("gift-voucher-min_amount").fill("400")
      await page.getByTestId("gift-voucher-settings-save").click()
      await page.getByTestId("gift-voucher-settings-error").getByText("The smallest amount can't be more than the largest amount.").waitFor()
    } finally {
      await api("/admin/gift-vouchers/settings", { token, body: before })
      await page.close()
    }
  })
})
