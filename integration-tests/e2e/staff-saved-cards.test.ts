import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, api, signUpCustomer } from "../support/api"
import { launchBrowser, signInToAdmin } from "../support/browser"

/** Issue #17 item 5: staff manage a customer's saved cards on the customer page (seed 002's "Payment method"). */

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const section = (page: Page) => page.getByTestId("customer-saved-cards")
const cardRow = (page: Page, label: string) => section(page).getByTestId("saved-card").filter({ hasText: label })

/** Types a card into Stripe's card form (the fake's stand-in for Stripe.js, in its iframe like the real one). */
async function typeCard(page: Page, number: string, expiry: string) {
  const frame = page.getByTestId("saved-card-add-drawer").frameLocator('iframe[title="Secure card payment input frame"]')
  await frame.getByLabel("Card number").fill(number)
  await frame.getByLabel("Expiry date").fill(expiry)
  await frame.getByLabel("Security code").fill("123")
}

async function rowAction(page: Page, label: string, action: "saved-card-set-default" | "saved-card-remove") {
  await cardRow(page, label).getByTestId("saved-card-actions").click()
  await page.getByTestId(action).click()
}

describe("Admin customer page: saved cards", () => {
  it("staff add cards through Stripe's card form, make one the default and remove one", async () => {
    const customer = await signUpCustomer({ first_name: "Carmen", last_name: "Cardwell" })
    const page = await signInToAdmin(browser)
    await page.goto(`${inject("backendUrl")}/app/customers/${customer.customer.id}`)
    await section(page).getByTestId("saved-cards-empty").waitFor()
    expect(await section(page).getByTestId("saved-cards-empty").innerText()).toBe("No saved cards.")

    // A card Stripe declines is refused in the drawer; nothing is saved.
    await section(page).getByTestId("saved-card-add").click()
    const drawer = page.getByTestId("saved-card-add-drawer")
    await drawer.frameLocator('iframe[title="Secure card payment input frame"]').getByLabel("Card number").waitFor()
    await typeCard(page, "4000 0000 0000 0002", "08 / 31")
    await page.getByTestId("saved-card-add-save").click()
    await page.getByTestId("saved-card-add-error").waitFor()
    expect(await page.getByTestId("saved-card-add-error").innerText()).toContain("Your card was declined.")

    await typeCard(page, "4242 4242 4242 4242", "08 / 31")
    await page.screenshot({ path: ".tmp/screenshots/staff-saved-cards-add.png" })
    await page.getByTestId("saved-card-add-save").click()
    await page.getByText("Card added", { exact: true }).waitFor()
    await drawer.waitFor({ state: "detached" })
    await cardRow(page, "Visa •••• 4242").waitFor()
    expect(await cardRow(page, "Visa •••• 4242").getByTestId("saved-card-expiry").innerText()).toBe("Expires 08/2031")
    expect(await cardRow(page, "Visa •••• 4242").getByTestId("saved-card-default").isVisible()).toBe(true)

    await section(page).getByTestId("saved-card-add").click()
    await typeCard(page, "5555 5555 5555 4444", "02 / 33")
    await page.getByTestId("saved-card-add-save").click()
    await cardRow(page, "Mastercard •••• 4444").waitFor()
    expect(await section(page).getByTestId("saved-card-label").allInnerTexts()).toEqual(["Visa •••• 4242", "Mastercard •••• 4444"])
    expect(await cardRow(page, "Mastercard •••• 4444").getByTestId("saved-card-default").count()).toBe(0)

    await rowAction(page, "Mastercard •••• 4444", "saved-card-set-default")
    await page.getByText("Default card changed", { exact: true }).waitFor()
    await cardRow(page, "Mastercard •••• 4444").getByTestId("saved-card-default").waitFor()
    expect(await cardRow(page, "Visa •••• 4242").getByTestId("saved-card-default").count()).toBe(0)
    await section(page).scrollIntoViewIfNeeded()
    await page.screenshot({ path: ".tmp/screenshots/staff-saved-cards.png" })

    // Remove asks first; Cancel keeps the card.
    await rowAction(page, "Visa •••• 4242", "saved-card-remove")
    const prompt = page.getByRole("alertdialog")
    await prompt.getByText("Remove card?").waitFor()
    await prompt.getByRole("button", { name: "Cancel" }).click()
    await prompt.waitFor({ state: "detached" })
    expect(await section(page).getByTestId("saved-card").count()).toBe(2)

    await rowAction(page, "Visa •••• 4242", "saved-card-remove")
    await prompt.getByRole("button", { name: "Remove" }).click()
    await page.getByText("Card removed", { exact: true }).waitFor()
    await cardRow(page, "Visa •••• 4242").waitFor({ state: "detached" })
    expect(await section(page).getByTestId("saved-card-label").allInnerTexts()).toEqual(["Mastercard •••• 4444"])

    // The customer's own list agrees, and the history names the staff member.
    const saved = (await api("/store/customers/me/saved-cards", { token: customer.token })).body
    expect(saved.saved_cards).toEqual([expect.objectContaining({ brand: "mastercard", last4: "4444", exp_month: 2, exp_year: 2033, is_default: true })])
    const history = await api(`/admin/customers/${customer.customer.id}/activity?kind=card_default_set,card_removed`, { token: await adminToken() })
    expect(history.body.activity.map((entry: { message: string; actor: { type: string } }) => [entry.message, entry.actor.type])).toEqual([
      ["Saved card removed: Visa ending 4242.", "staff"],
      ["Default card set to Mastercard ending 4444.", "staff"],
    ])
    await page.close()
  })
})
