import type { Browser } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, api, eventually, uniqueEmail } from "../support/api"
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
    // To the primary email: the customer's own.
    expect(await page.getByTestId("customer-message-drawer").textContent()).toContain(`An email to ${email},`)
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
    // The message greets the customer already, so no "Hi Edie," above it; the signature is on its own lines.
    const sent = (await frame.locator("body").textContent()) ?? ""
    expect(sent).not.toContain("Hi Edie,")
    expect(sent.split("Hello Edie,")).toHaveLength(2)
    expect(await frame.locator("[data-signature]").innerText()).toBe("Sam Okafor\nBrightside Home Services")
    await page.keyboard.press("Escape")

    // And in the timeline, by the staff member.
    await page.getByTestId("customer-activity-tab").click()
    await page
      .getByTestId("customer-activity-entry")
      .filter({ hasText: `Message “Your window clean” emailed to ${email}.` })
      .waitFor()
    await page.close()
  }, 300_000)

  it("shows changes in the page's words, one line per email, and a refused value once beside its field", async () => {
    const token = await adminToken()
    const email = uniqueEmail("ursula")
    const created = await api("/admin/customers", { token, body: { email, first_name: "Ursula", last_name: "Words" } })
    const customerId = created.body.customer.id as string
    expect((await api(`/admin/customers/${customerId}/profile`, { token, body: { kind: "business" } })).status).toBe(200)
    const address = { address_1: "9 Chandos Road", city: "Bristol", postal_code: "BS6 6PG", country_code: "gb" }
    expect((await api(`/admin/customers/${customerId}/addresses`, { token, body: address })).status).toBe(200)
    const invite = await api(`/admin/customers/${customerId}/portal-invite`, { token, method: "POST" })
    expect(invite.status, JSON.stringify(invite.body)).toBe(200)
    await eventually(async () => {
      const { communications } = (await api(`/admin/customers/${customerId}/communications`, { token })).body
      if (!communications.some((sent: { template: string; status: string }) => sent.template === "portal-invite" && sent.status === "sent")) {
        throw new Error("the invite is not sent yet")
      }
    }, 30_000)

    const page = await signInToAdmin(browser)
    await page.goto(`${inject("backendUrl")}/app/customers/${customerId}`)
    await page.getByTestId("customer-activity-list").waitFor()
    const kind = page.getByTestId("customer-activity-entry").filter({ hasText: "Account type changed from “Personal” to “Business”." })
    await kind.waitFor(WAIT)
    expect(await kind.getByTestId("customer-activity-actor").textContent()).toContain("Sam Okafor (admin@example.com)")
    await kind.getByTestId("customer-activity-view-changes").click()
    expect(await kind.getByTestId("customer-activity-change").locator("td").allTextContents()).toEqual(["Account type", "Personal", "Business"])

    const added = page.locator('[data-testid="customer-activity-entry"][data-kind="address_added"]')
    await added.getByTestId("customer-activity-view-changes").click()
    const country = added.locator('[data-testid="customer-activity-change"][data-field="country_code"]')
    const cells = await country.locator("td").allTextContents()
    expect([cells[0], cells[2]]).toEqual(["Country", "United Kingdom"])
    expect(await added.getByTestId("customer-activity-change").locator("td").first().textContent()).toBe("Address")

    // The invite is one line, written by the invite; its email isn't logged again.
    expect(await page.locator('[data-testid="customer-activity-entry"][data-kind="portal_invite_sent"]').count()).toBe(1)
    expect(await page.locator('[data-testid="customer-activity-entry"][data-kind="email_sent"]').count()).toBe(0)

    // A value the API refuses: one message, beside its field, in the form's words; no banner, no toast.
    await page.getByTestId("additional-contact-add").click()
    await page.getByTestId("additional-contact-drawer").waitFor()
    await page.getByTestId("additional-contact-field-name").fill("Tess Tenant")
    await page.getByTestId("additional-contact-field-role").fill("Tenant ".repeat(20))
    await page.getByTestId("additional-contact-save").click()
    const roleError = page.getByTestId("additional-contact-field-role-error")
    await roleError.waitFor(WAIT)
    expect(await roleError.innerText()).toBe("Role must be at most 100 characters.")
    expect(await page.getByTestId("additional-contact-error").count()).toBe(0)
    expect(await page.locator("[data-sonner-toast]").filter({ hasText: "100 characters" }).count()).toBe(0)
    // Correcting the field clears its message.
    await page.getByTestId("additional-contact-field-role").fill("Tenant")
    expect(await roleError.count()).toBe(0)
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
