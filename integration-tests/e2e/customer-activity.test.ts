import type { Browser } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, api, uniqueEmail } from "../support/api"
import { launchBrowser, signInToAdmin } from "../support/browser"

let browser: Browser
/** The admin answers slowly while other test stacks share the machine. */
const WAIT = { timeout: 20_000 }

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe.sequential("Admin customer page: history", () => {
  it("shows a name edited in Medusa's own form with its before/after, and a message sent from the page in the communication log", async () => {
    const token = await adminToken()
    const email = uniqueEmail("edith")
    const created = await api("/admin/customers", { token, body: { email, first_name: "Edith", last_name: "Timeline" } })
    expect(created.status, JSON.stringify(created.body)).toBe(200)
    const customerId = created.body.customer.id as string

    const page = await signInToAdmin(browser, { loginFormTimeout: 180_000 })
    await page.goto(`${inject("backendUrl")}/app/customers/${customerId}`)
    await page.getByTestId("customer-activity-list").waitFor()
    await expect.poll(() => page.getByTestId("customer-activity-message").first().textContent(), WAIT).toBe(`Customer created (Edith Timeline, ${email}).`)

    // Medusa's own edit drawer for the customer.
    await page.goto(`${inject("backendUrl")}/app/customers/${customerId}/edit`)
    const firstName = page.locator('input[name="first_name"]')
    await firstName.waitFor()
    await firstName.fill("Edie")
    await page.getByRole("button", { name: "Save", exact: true }).click()
    await page.waitForURL((url) => url.pathname === `/app/customers/${customerId}`)

    const edit = page.getByTestId("customer-activity-entry").filter({ hasText: "First name changed from “Edith” to “Edie”." })
    await edit.waitFor()
    expect(await edit.getByTestId("customer-activity-actor").textContent()).toContain("Sam Okafor (admin@example.com)")
    await edit.getByTestId("customer-activity-view-changes").click()
    const row = edit.getByTestId("customer-activity-change")
    await row.waitFor()
    expect(await row.count()).toBe(1)
    expect(await row.locator("td").allTextContents()).toEqual(["First name", "Edith", "Edie"])

    // Send message → the Communication tab lists it, sent, and the preview shows what the customer got.
    await page.getByTestId("customer-send-message").click()
    await page.getByTestId("customer-message-drawer").waitFor()
    await page.getByTestId("customer-message-send").click()
    await expect.poll(() => page.getByTestId("customer-message-error").textContent(), WAIT).toContain("Write a subject and a message.")
    await page.getByTestId("customer-message-subject").fill("Your window clean")
    await page.getByTestId("customer-message-body").fill("Hello Edie,\n\nWe'll be there at 9am on Friday.")
    await page.getByTestId("customer-message-send").click()
    await page.getByTestId("customer-message-drawer").waitFor({ state: "detached" })

    const message = page.getByTestId("customer-communication-entry").filter({ hasText: "Your window clean" })
    await message.waitFor()
    expect(await message.getByTestId("customer-communication-status").textContent()).toBe("sent")
    expect(await message.textContent()).toContain("from Sam Okafor (Brightside Home Services)")
    expect(await message.textContent()).toContain("replies to admin@example.com")
    await message.getByTestId("customer-communication-preview-open").click()
    const frame = page.frameLocator('[data-testid="customer-communication-preview-frame"]')
    await expect.poll(() => frame.locator("body").textContent(), WAIT).toContain("We'll be there at 9am on Friday.")
    await page.keyboard.press("Escape")

    // And in the timeline, by the staff member.
    await page.getByTestId("customer-activity-tab").click()
    await page
      .getByTestId("customer-activity-entry")
      .filter({ hasText: `Message “Your window clean” emailed to ${email}.` })
      .waitFor()
    await page.close()
  }, 300_000)

  it("pages through a long history with Load more", async () => {
    const token = await adminToken()
    const created = await api("/admin/customers", { token, body: { email: uniqueEmail("pages"), first_name: "Paige" } })
    const customerId = created.body.customer.id as string
    for (let i = 1; i <= 22; i++) {
      const saved = await api(`/admin/customers/${customerId}/profile`, { token, body: { internal_notes: `Call ${i}` } })
      expect(saved.status).toBe(200)
    }
    const page = await signInToAdmin(browser)
    await page.goto(`${inject("backendUrl")}/app/customers/${customerId}`)
    await page.getByTestId("customer-activity-list").waitFor()
    await expect.poll(() => page.getByTestId("customer-activity-entry").count(), WAIT).toBe(20)
    expect(await page.getByTestId("customer-activity-message").first().textContent()).toBe("Internal note edited.")
    await page.getByTestId("customer-activity-more").click()
    await expect.poll(() => page.getByTestId("customer-activity-entry").count(), WAIT).toBe(23)
    expect(await page.getByTestId("customer-activity-more").count()).toBe(0)
    expect(await page.getByTestId("customer-activity-message").last().textContent()).toMatch(/^Customer created/)
    await page.close()
  }, 300_000)
})
