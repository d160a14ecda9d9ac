import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, api, signUpCustomer } from "../support/api"
import { launchBrowser, signInToAdmin } from "../support/browser"

/**
 * The customer page as a whole (issue #16 items 8, 9 and 12): our parts come before Medusa's, one
 * list of addresses, one Delete that says the truth, and nothing unsaved lost without a question.
 * Kept apart from admin-customer-profile.test.ts, which tests the profile's sections one by one.
 */
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const top = async (page: Page, locator: ReturnType<Page["locator"]>) => (await locator.boundingBox())?.y ?? Number.NaN

async function openCustomerPage(customerId: string): Promise<Page> {
  const page = await signInToAdmin(browser)
  await page.goto(`${inject("backendUrl")}/app/customers/${customerId}`)
  await page.getByTestId("customer-profile-account-email").waitFor()
  return page
}

describe.sequential("Admin customer page: order, addresses and the way back", () => {
  it("shows contact details, bookings and portal access before Medusa's own sections, one address list, and links to the directory", async () => {
    const customer = await signUpCustomer({ first_name: "Orla", last_name: "Order", kind: "business" })
    const token = await adminToken()
    const business = await api(`/admin/customers/${customer.customer.id}/business-profiles`, {
      token,
      body: { name: "Order & Co Ltd", billing_email: customer.email, address_1: "1 Dock Road", city: "Bristol", postal_code: "BS1 4AA", country_code: "GB" },
    })
    expect(business.status, JSON.stringify(business.body)).toBeLessThan(300)

    const page = await openCustomerPage(customer.customer.id)
    const orders = page.getByRole("heading", { name: "Orders", exact: true })
    await orders.waitFor()
    expect(await top(page, page.getByTestId("customer-profile-account-email"))).toBeLessThan(await top(page, orders))
    // The side column: bookings and portal access above Medusa's addresses and metadata.
    await page.getByTestId("customer-portal-access").waitFor()
    await page.getByTestId("customer-bookings").waitFor()
    const medusaAddresses = page.getByRole("heading", { name: "Addresses", exact: true })
    expect(await top(page, page.getByTestId("customer-bookings"))).toBeLessThan(await top(page, medusaAddresses))
    expect(await top(page, page.getByTestId("customer-portal-access"))).toBeLessThan(await top(page, medusaAddresses))

    // A business customer's company is named, from the business profile.
    await expect.poll(() => page.getByTestId("customer-profile-company").innerText()).toBe("Order & Co Ltd")

    // One list of addresses: the billing one marked "Billing", no second "Billing" section.
    const addresses = page.getByTestId("customer-saved-locations")
    expect(await addresses.getByTestId("customer-billing-address").getByTestId("customer-billing-badge").innerText()).toBe("Billing")
    expect(await page.getByRole("heading", { name: "Billing", exact: true }).count()).toBe(0)

    // The way back is the directory.
    await page.getByTestId("customer-page-directory-link").click()
    await page.waitForURL((url) => url.pathname.endsWith("/app/crm"))
    await page.close()
  }, 240_000)
})

describe.sequential("Admin customer page: saving", () => {
  it("asks before Esc throws away an edited drawer, and before leaving with unsaved notes", async () => {
    const customer = await signUpCustomer({ first_name: "Esme", last_name: "Escape" })
    const token = await adminToken()
    const page = await openCustomerPage(customer.customer.id)

    // Unedited: Esc just closes.
    await page.getByTestId("customer-billing-address-edit").click()
    const drawer = page.getByTestId("customer-billing-address-drawer")
    await drawer.waitFor()
    await page.keyboard.press("Escape")
    await drawer.waitFor({ state: "hidden" })

    // Edited: Esc asks; "Keep editing" keeps the drawer and what was typed.
    await page.getByTestId("customer-billing-address-edit").click()
    await drawer.waitFor()
    await page.getByTestId("customer-billing-address-field-same_as_booking").click()
    await page.getByTestId("customer-billing-address-field-address_1").fill("9 Quay Street")
    await page.keyboard.press("Escape")
    const question = page.getByRole("alertdialog")
    await question.waitFor()
    expect(await question.innerText()).toContain("Discard unsaved changes?")
    await question.getByRole("button", { name: "Keep editing" }).click()
    await question.waitFor({ state: "detached" })
    expect(await drawer.isVisible()).toBe(true)
    expect(await page.getByTestId("customer-billing-address-field-address_1").inputValue()).toBe("9 Quay Street")
    // The Cancel button asks too; discarding closes it and nothing was saved.
    await page.getByTestId("customer-billing-address-cancel").click()
    await question.getByRole("button", { name: "Discard changes" }).click()
    await drawer.waitFor({ state: "hidden" })
    const profile = await api(`/admin/customers/${customer.customer.id}/profile`, { token })
    expect(profile.body.profile.billing_same_as_booking).toBe(true)

    // Notes typed but not saved: leaving through a link asks first.
    await page.getByTestId("customer-profile-notes").fill("Gate code 4471")
    await page.getByTestId("customer-page-directory-link").click()
    await question.waitFor()
    await question.getByRole("button", { name: "Keep editing" }).click()
    expect(new URL(page.url()).pathname).toContain(`/customers/${customer.customer.id}`)
    expect(await page.getByTestId("customer-profile-notes").inputValue()).toBe("Gate code 4471")
    await page.getByTestId("customer-page-directory-link").click()
    await question.getByRole("button", { name: "Discard changes" }).click()
    await page.waitForURL((url) => url.pathname.endsWith("/app/crm"))
    await page.close()
  }, 240_000)

  it("saves the portal switch when switched, asking before closing, and its label always says what the portal is", async () => {
    const token = await adminToken()
    const page = await signInToAdmin(browser)
    try {
      await page.goto(`${inject("backendUrl")}/app/settings/customer-portal`)
      const toggle = page.getByTestId("portal-enabled-switch")
      const label = page.getByTestId("portal-enabled-label")
      await toggle.waitFor()
      expect(await label.innerText()).toBe("Customer portal open")

      // "Keep open": nothing changes, on screen or saved.
      await toggle.click()
      const question = page.getByRole("alertdialog")
      await question.getByRole("button", { name: "Keep open" }).click()
      expect(await toggle.getAttribute("aria-checked")).toBe("true")
      expect(await label.innerText()).toBe("Customer portal open")
      expect((await api("/admin/portal/settings", { token })).body.settings.portal_enabled).toBe(true)

      // Closing: saved at once, and the label says so.
      const closed = page.waitForResponse((r) => r.url().endsWith("/admin/portal/settings") && r.request().method() === "POST")
      await toggle.click()
      await question.getByRole("button", { name: "Close portal" }).click()
      expect((await closed).status()).toBe(200)
      await expect.poll(() => label.innerText()).toBe("Customer portal closed")
      expect((await api("/admin/portal/settings", { token })).body.settings.portal_enabled).toBe(false)
      await page.reload()
      await expect.poll(() => label.innerText()).toBe("Customer portal closed")

      // Opening needs no question.
      const opened = page.waitForResponse((r) => r.url().endsWith("/admin/portal/settings") && r.request().method() === "POST")
      await toggle.click()
      expect((await opened).status()).toBe(200)
      await expect.poll(() => label.innerText()).toBe("Customer portal open")
    } finally {
      await api("/admin/portal/settings", { token, body: { portal_enabled: true } })
      await page.close()
    }
  }, 240_000)
})

describe.sequential("Admin customer page: one Delete", () => {
  it("deletes from the page's one Delete, which says the customer can be restored for 30 days, then restores them", async () => {
    const customer = await signUpCustomer({ first_name: "Della", last_name: "Onedelete" })
    const token = await adminToken()
    const page = await openCustomerPage(customer.customer.id)

    // Portal access has no Delete of its own; it says where the one Delete is.
    await page.getByTestId("portal-delete-hint").waitFor()
    expect(await page.getByTestId("portal-delete").count()).toBe(0)

    const header = page.getByRole("heading", { name: customer.email, exact: true }).locator("xpath=..")
    await header.getByRole("button").click()
    await page.getByRole("menuitem", { name: "Delete" }).click()
    const question = page.getByRole("alertdialog")
    await question.waitFor()
    const wording = await question.innerText()
    expect(wording).toContain("can restore the customer, with all their data, for 30 days")
    expect(wording).not.toContain("cannot be undone")
    await question.locator("#verificationText").fill(customer.email)
    const deleted = page.waitForResponse((r) => r.request().method() === "DELETE" && r.url().endsWith(`/admin/customers/${customer.customer.id}`))
    await question.getByRole("button", { name: "Delete" }).click()
    expect((await deleted).status()).toBe(200)
    await page.waitForURL((url) => url.pathname.endsWith("/app/customers"))
    expect((await api(`/admin/customers/${customer.customer.id}`, { token })).status).toBe(404)

    await page.goto(`${inject("backendUrl")}/app/settings/customer-portal`)
    const row = page.getByTestId("deleted-customer-row").filter({ hasText: customer.email })
    await row.getByTestId("restore-customer").click()
    await row.waitFor({ state: "detached" })
    expect((await api(`/admin/customers/${customer.customer.id}`, { token })).body.customer.email).toBe(customer.email)
    await page.close()
  }, 240_000)
})
