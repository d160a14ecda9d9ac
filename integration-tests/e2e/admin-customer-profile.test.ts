import { randomUUID } from "node:crypto"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, api } from "../support/api"
import { launchBrowser } from "../support/browser"

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

async function signInToAdmin() {
  const demo = inject("demo")
  const page = await browser.newPage()
  // The first visit compiles the admin in development mode, which takes a while on 2 cores.
  page.setDefaultTimeout(90_000)
  await page.goto(`${inject("backendUrl")}/app/login`)
  await page.locator('input[name="email"]').fill(demo.adminEmail)
  await page.locator('input[name="password"]').fill(demo.adminPassword)
  await page.getByRole("button", { name: "Continue with Email" }).click()
  await page.waitForURL((url) => !url.pathname.endsWith("/login"))
  return page
}

async function customerIdByEmail(token: string, email: string): Promise<string> {
  const { status, body } = await api(`/admin/customers?q=${encodeURIComponent(email)}&fields=id,email`, { token })
  expect(status).toBe(200)
  const customer = (body.customers as { id: string; email: string }[]).find((candidate) => candidate.email === email)
  if (!customer) throw new Error(`No customer ${email}`)
  return customer.id
}

/** A 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64"
)

/**
 * Counts the GETs of this customer's profile. Every widget on the customer page reads it from one
 * shared query, so opening the page asks once.
 */
function countProfileReads(page: Page, customerId: string) {
  const counter = { count: 0 }
  const path = `/admin/customers/${customerId}/profile`
  page.on("request", (request) => {
    if (request.method() === "GET" && new URL(request.url()).pathname === path) counter.count += 1
  })
  return counter
}

/** Opens (or reloads) the customer page and waits until every profile widget has its data. */
async function waitForProfileWidgets(page: Page) {
  await page.getByTestId("customer-profile-tags").waitFor()
  await page.getByTestId("customer-profile-custom-fields").waitFor()
  await page.getByTestId("customer-profile-additional-contacts").waitFor()
  await page.getByTestId("customer-billing-address").waitFor()
  await page.getByTestId("customer-activity").waitFor()
  await page.getByTestId("customer-business-profiles").waitFor()
  // Anything that would ask again (a widget mounting late, a refetch) has had time to.
  await page.waitForTimeout(1500)
}

/** The response of the next request of this method to a path ending like this. */
const nextResponse = (page: Page, method: string, pathEnd: string) =>
  page.waitForResponse((response) => response.request().method() === method && new URL(response.url()).pathname.endsWith(pathEnd))

describe.sequential("Admin customer page: the customer's profile", () => {
  // Suffixes keep this run's tag, fields and contact apart from other tests' and earlier runs'.
  const suffix = randomUUID().replace(/[^a-z]/g, "").slice(0, 6) || "extra"

  it("reads the profile once, adds a tag on the fly, edits custom fields, adds a contact and a picture", async () => {
    const token = await adminToken()
    const customerId = await customerIdByEmail(token, inject("demo").customerEmail)

    // Two customer fields: a staff-only number from 0 to 10 and a text field the customer sees.
    const visitsKey = `visits_per_month_${suffix}`
    const visitsLabel = `Visits per month ${suffix}`
    const parkingKey = `parking_${suffix}`
    const parkingLabel = `Parking ${suffix}`
    for (const body of [
      { target_type: "customer", key: visitsKey, label: visitsLabel, type: "number", visibility: "staff", config: { integer: true, min: 0, max: 10 } },
      { target_type: "customer", key: parkingKey, label: parkingLabel, type: "text", visibility: "customer" },
    ]) {
      const created = await api("/admin/custom-fields", { token, body })
      expect(created.status, JSON.stringify(created.body)).toBe(201)
    }

    const page = await signInToAdmin()
    const reads = countProfileReads(page, customerId)
    await page.goto(`${inject("backendUrl")}/app/customers/${customerId}`)
    await waitForProfileWidgets(page)
    expect(reads.count).toBe(1)

    // A new tag, created by typing it and pressing Enter.
    const tag = `Key holder ${suffix}`
    const tagInput = page.getByTestId("customer-profile-tag-input")
    await tagInput.fill(tag)
    const tagSaved = nextResponse(page, "POST", `/admin/customers/${customerId}/profile`)
    await tagInput.press("Enter")
    expect((await tagSaved).status()).toBe(200)
    await page.getByTestId("customer-profile-tag-value").filter({ hasText: tag }).waitFor()

    // Custom fields: both listed, the staff-only one marked.
    const visitsRow = page.locator(`[data-testid="customer-profile-custom-field"][data-field-key="${visitsKey}"]`)
    const parkingRow = page.locator(`[data-testid="customer-profile-custom-field"][data-field-key="${parkingKey}"]`)
    expect(await visitsRow.innerText()).toContain(visitsLabel)
    expect(await visitsRow.getByTestId("custom-field-staff-only").count()).toBe(1)
    expect(await parkingRow.getByTestId("custom-field-staff-only").count()).toBe(0)

    // A value out of range is refused with the API's message, which names the field.
    await page.getByTestId("customer-profile-edit-custom-fields").click()
    await page.getByTestId("customer-custom-fields-drawer").waitFor()
    await page.getByTestId(`customer-custom-fields-field-${visitsKey}`).fill("42")
    await page.getByTestId("customer-custom-fields-save").click()
    const error = page.getByTestId("customer-custom-fields-error")
    await error.waitFor()
    expect(await error.innerText()).toContain(visitsLabel)

    await page.getByTestId(`customer-custom-fields-field-${visitsKey}`).fill("4")
    await page.getByTestId(`customer-custom-fields-field-${parkingKey}`).fill("Permit in the kitchen drawer")
    await page.getByTestId("customer-custom-fields-save").click()
    await page.getByTestId("customer-custom-fields-drawer").waitFor({ state: "hidden" })
    await expect.poll(() => visitsRow.getByTestId("customer-profile-custom-field-value").innerText()).toBe("4")
    expect(await parkingRow.getByTestId("customer-profile-custom-field-value").innerText()).toBe("Permit in the kitchen drawer")

    // An additional contact.
    const contactName = `Sam Tenant ${suffix}`
    await page.getByTestId("additional-contact-add").click()
    await page.getByTestId("additional-contact-drawer").waitFor()
    await page.getByTestId("additional-contact-field-name").fill(contactName)
    await page.getByTestId("additional-contact-field-role").fill("Tenant")
    await page.getByTestId("additional-contact-field-emails").fill(`sam.${suffix}@example.test`)
    await page.getByTestId("additional-contact-field-phones").fill("+44 7700 900456")
    await page.getByTestId("additional-contact-save").click()
    await page.getByTestId("additional-contact-drawer").waitFor({ state: "hidden" })
    const contact = page.getByTestId("additional-contact").filter({ hasText: contactName })
    await contact.waitFor()
    expect(await contact.innerText()).toContain("Tenant")
    expect(await contact.innerText()).toContain(`sam.${suffix}@example.test`)

    // A profile picture, uploaded as multipart.
    const pictureSaved = nextResponse(page, "POST", `/admin/customers/${customerId}/picture`)
    await page.getByTestId("customer-profile-picture-input").setInputFiles({ name: "olivia.png", mimeType: "image/png", buffer: PNG })
    expect((await pictureSaved).status()).toBe(200)
    await expect
      .poll(() => page.getByTestId("customer-profile-picture-image").getAttribute("data-has-picture"))
      .toBe("true")

    // After a reload everything is still there, read with one request again.
    reads.count = 0
    await page.reload()
    await waitForProfileWidgets(page)
    expect(reads.count).toBe(1)
    await page.getByTestId("customer-profile-tag-value").filter({ hasText: tag }).waitFor()
    expect(await visitsRow.getByTestId("customer-profile-custom-field-value").innerText()).toBe("4")
    await page.getByTestId("additional-contact").filter({ hasText: contactName }).waitFor()

    // The API agrees.
    const { body } = await api(`/admin/customers/${customerId}/profile`, { token })
    expect(body.profile.tags).toContain(tag)
    expect(body.profile.picture_url).toBeTruthy()
    const fields = body.profile.custom_fields as { key: string; value: unknown }[]
    expect(fields.find((field) => field.key === visitsKey)?.value).toBe(4)
    expect(fields.find((field) => field.key === parkingKey)?.value).toBe("Permit in the kitchen drawer")
    expect((body.profile.additional_contacts as { name: string }[]).some((entry) => entry.name === contactName)).toBe(true)

    // Tidy up what other tests of the demo customer might trip over.
    await api(`/admin/customers/${customerId}/picture`, { token, method: "DELETE" })
    await page.close()
  }, 300_000)
})
