import { randomUUID } from "node:crypto"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, api, signUpCustomer, uniqueEmail } from "../support/api"
import { launchBrowser, signInToAdmin } from "../support/browser"

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

async function customerIdByEmail(token: string, email: string): Promise<string> {
  const { status, body } = await api(`/admin/customers?q=${encodeURIComponent(email)}&fields=id,email`, { token })
  expect(status).toBe(200)
  const customer = (body.customers as { id: string; email: string }[]).find((candidate) => candidate.email === email)
  if (!customer) throw new Error(`No customer ${email}`)
  return customer.id
}

/** A 1×1 PNG. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64")

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
  const suffix =
    randomUUID()
      .replace(/[^a-z]/g, "")
      .slice(0, 6) || "extra"

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

    const page = await signInToAdmin(browser)
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

    // A value out of range is refused with the API's message, beside its field and nowhere else.
    await page.getByTestId("customer-profile-edit-custom-fields").click()
    await page.getByTestId("customer-custom-fields-drawer").waitFor()
    await page.getByTestId(`customer-custom-fields-field-${visitsKey}`).fill("42")
    await page.getByTestId("customer-custom-fields-save").click()
    const error = page.getByTestId(`customer-custom-fields-field-${visitsKey}-error`)
    await error.waitFor()
    expect(await error.innerText()).toBe(`${visitsLabel} must be at most 10.`)
    expect(await page.getByTestId("customer-custom-fields-error").count()).toBe(0)

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
    await expect.poll(() => page.getByTestId("customer-profile-picture-image").getAttribute("data-has-picture")).toBe("true")
    // The picture itself loads, from the staff-only route (the admin's session is its key).
    await expect
      .poll(() => page.locator(`img[src^="/admin/customers/${customerId}/picture?v="]`).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(1)

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

    // Back to the demo customer as seeded, for the tests that use her after this one.
    await api(`/admin/customers/${customerId}/picture`, { token, method: "DELETE" })
    const added = (body.profile.additional_contacts as { id: string; name: string }[]).find((entry) => entry.name === contactName)
    await api(`/admin/customers/${customerId}/additional-contacts/${added!.id}`, { token, method: "DELETE" })
    await api(`/admin/customers/${customerId}/profile`, {
      token,
      body: { tags: (body.profile.tags as string[]).filter((value) => value !== tag) },
    })
    for (const key of [visitsKey, parkingKey]) {
      const id = (body.profile.custom_fields as { id: string; key: string }[]).find((entry) => entry.key === key)!.id
      expect((await api(`/admin/custom-fields/${id}?confirm=true`, { token, method: "DELETE" })).status).toBe(200)
    }
    await page.close()
  }, 300_000)

  it("edits the billing address, saved locations and dependents, suggests tags in use, and shows deleted field values in the activity", async () => {
    const token = await adminToken()
    const created = await api("/admin/customers", {
      token,
      body: { email: uniqueEmail("staffview"), first_name: "Dana", last_name: "Staffview" },
    })
    expect(created.status).toBe(200)
    const customerId = created.body.customer.id as string

    // A field with a value for this customer, then deleted: its value goes into the activity.
    const fieldKey = `old_alarm_code_${suffix}`
    const field = await api("/admin/custom-fields", {
      token,
      body: { target_type: "customer", key: fieldKey, label: `Old alarm code ${suffix}`, type: "text", visibility: "staff" },
    })
    expect(field.status).toBe(201)
    expect((await api(`/admin/customers/${customerId}/profile`, { token, body: { custom_fields: { [fieldKey]: "9911" } } })).status).toBe(200)
    expect((await api(`/admin/custom-fields/${field.body.custom_field.id}?confirm=true`, { token, method: "DELETE" })).status).toBe(200)

    // A tag in use elsewhere, to be suggested.
    const knownTag = `Gold ${suffix}`
    const other = await api("/admin/customers", { token, body: { email: uniqueEmail("tagged"), first_name: "Tia", last_name: "Tagged" } })
    expect((await api(`/admin/customers/${other.body.customer.id}/profile`, { token, body: { tags: [knownTag] } })).status).toBe(200)

    const page = await signInToAdmin(browser)
    await page.goto(`${inject("backendUrl")}/app/customers/${customerId}`)
    await waitForProfileWidgets(page)

    // Activity: the deleted field's value is still readable (the value being set is a line of its own).
    const entry = page.locator('[data-testid="customer-activity-entry"][data-kind="custom_field_deleted"]').filter({ hasText: "9911" })
    await entry.waitFor()
    expect(await entry.innerText()).toContain(`Old alarm code ${suffix}`)

    // Tag suggestions: typing the start of a tag in use offers it; choosing it adds it.
    await page.getByTestId("customer-profile-tag-input").fill(`gold ${suffix.slice(0, 3)}`)
    const suggestion = page.getByTestId("customer-profile-tag-suggestion").filter({ hasText: knownTag })
    await suggestion.waitFor()
    await suggestion.click()
    await page.getByTestId("customer-profile-tag-value").filter({ hasText: knownTag }).waitFor()

    // Billing: new customers are billed at the booking address; give them their own.
    const billing = page.getByTestId("customer-billing-address-value")
    expect(await billing.innerText()).toBe("Same as booking address")
    await page.getByTestId("customer-billing-address-edit").click()
    await page.getByTestId("customer-billing-address-drawer").waitFor()
    const sameAsBooking = page.getByTestId("customer-billing-address-field-same_as_booking")
    // Off: the address fields appear; on again: they hide; off for the rest of the test.
    expect(await sameAsBooking.getAttribute("aria-checked")).toBe("true")
    await sameAsBooking.click()
    await page.getByTestId("customer-billing-address-field-address_1").waitFor()
    await sameAsBooking.click()
    await page.getByTestId("customer-billing-address-field-address_1").waitFor({ state: "detached" })
    await sameAsBooking.click()
    await page.getByTestId("customer-billing-address-field-company").fill("Staffview Lettings")
    await page.getByTestId("customer-billing-address-field-address_1").fill("2 Mill Lane")
    await page.getByTestId("customer-billing-address-field-city").fill("York")
    await page.getByTestId("customer-billing-address-field-postal_code").fill("YO1 7HH")
    await page.getByTestId("customer-billing-address-save").click()
    await page.getByTestId("customer-billing-address-drawer").waitFor({ state: "hidden" })
    await expect.poll(() => billing.innerText()).toContain("2 Mill Lane")
    expect(await billing.innerText()).toContain("Staffview Lettings")

    // Saved locations: add one with a label, then delete it.
    await page.getByTestId("customer-location-add").click()
    await page.getByTestId("customer-location-drawer").waitFor()
    await page.getByTestId("customer-location-field-address_name").fill("Holiday house")
    await page.getByTestId("customer-location-field-address_1").fill("5 Harbour Row")
    await page.getByTestId("customer-location-field-city").fill("Whitby")
    // A postcode that can't exist is refused beside its field, and nothing is saved.
    await page.getByTestId("customer-location-field-postal_code").fill("NOTAPOSTCODE123")
    await page.getByTestId("customer-location-save").click()
    expect(await page.getByTestId("customer-location-field-postal_code-error").innerText()).toMatch(/postcode/i)
    expect(await page.getByTestId("customer-location").filter({ hasText: "Holiday house" }).count()).toBe(0)
    await page.getByTestId("customer-location-field-postal_code").fill("yo21 3pu")
    await page.getByTestId("customer-location-save").click()
    await page.getByTestId("customer-location-drawer").waitFor({ state: "hidden" })
    const location = page.getByTestId("customer-location").filter({ hasText: "Holiday house" })
    await location.waitFor()
    expect(await location.innerText()).toContain("5 Harbour Row")
    // Written out as the business writes it.
    expect(await location.innerText()).toContain("YO21 3PU")
    // The billing address is not a saved location.
    expect(await page.getByTestId("customer-location").filter({ hasText: "2 Mill Lane" }).count()).toBe(0)
    await location.getByTestId("customer-location-delete").click()
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click()
    await location.waitFor({ state: "detached" })

    // Dependents: a pet with a field value and a photo, grouped under "Pets".
    const types = await api("/admin/dependent-types", { token })
    const pet = (types.body.dependent_types as { id: string; label_singular: string; fields: { key: string }[] }[]).find(
      (type) => type.label_singular === "Pet"
    )
    expect(pet?.fields.some((candidate) => candidate.key === "breed")).toBe(true)
    await page.getByTestId("dependent-add").click()
    await page.getByTestId("dependent-drawer").waitFor()
    await page.getByTestId("dependent-field-type_id").click()
    await page.getByRole("option", { name: "Pet", exact: true }).click()
    await page.getByTestId("dependent-field-name").fill("Biscuit")
    await page.getByTestId("dependent-field-notes").fill("Hides under the bed.")
    await page.getByTestId("dependent-field-breed").fill("Beagle")
    await page.getByTestId("dependent-save").click()
    await page.getByTestId("dependent-drawer").waitFor({ state: "hidden" })
    const group = page.locator(`[data-testid="dependent-group"][data-type-id="${pet!.id}"]`)
    await group.waitFor()
    expect(await group.getByTestId("dependent-group-label").innerText()).toBe("Pets")
    const biscuit = group.getByTestId("dependent").filter({ hasText: "Biscuit" })
    expect(await biscuit.innerText()).toContain("Hides under the bed.")
    expect(await biscuit.locator('[data-testid="dependent-custom-field"][data-field-key="breed"]').innerText()).toContain("Beagle")

    const photoSaved = nextResponse(page, "POST", "/photo")
    await biscuit.getByTestId("dependent-photo-input").setInputFiles({ name: "biscuit.png", mimeType: "image/png", buffer: PNG })
    expect((await photoSaved).status()).toBe(200)
    await biscuit.getByTestId("dependent-photo").waitFor()

    // Editing changes only what was changed.
    await biscuit.getByTestId("dependent-edit").click()
    await page.getByTestId("dependent-drawer").waitFor()
    await page.getByTestId("dependent-field-breed").fill("Beagle cross")
    await page.getByTestId("dependent-save").click()
    await page.getByTestId("dependent-drawer").waitFor({ state: "hidden" })
    await expect.poll(() => biscuit.locator('[data-testid="dependent-custom-field"][data-field-key="breed"]').innerText()).toContain("Beagle cross")

    await biscuit.getByTestId("dependent-delete").click()
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click()
    await biscuit.waitFor({ state: "detached" })

    const { body } = await api(`/admin/customers/${customerId}/profile`, { token })
    expect(body.profile.tags).toEqual([knownTag])
    expect(body.profile.billing_same_as_booking).toBe(false)
    expect(body.profile.billing_address).toMatchObject({ address_1: "2 Mill Lane", city: "York", company: "Staffview Lettings" })
    expect(body.profile.locations).toEqual([])
    expect(body.profile.dependents).toEqual([])
    await page.close()
  }, 300_000)
})

describe("Admin customer page: the primary email and phone", () => {
  it("shows the sign-up email and phone as the primary ones and makes another number primary in the drawer", async () => {
    const customer = await signUpCustomer({ first_name: "Parker", last_name: "Swapnumber" })
    const token = await adminToken()
    const landline = "0117 496 0456"
    const extra = await api(`/admin/customers/${customer.customer.id}/profile`, {
      token,
      body: {
        emails: [],
        phones: [
          { number: "+44 7700 900000", type: "mobile", is_primary: true },
          { number: landline, type: "phone" },
        ],
      },
    })
    expect(extra.status, JSON.stringify(extra.body)).toBe(200)

    const page = await signInToAdmin(browser)
    await page.goto(`${inject("backendUrl")}/app/customers/${customer.customer.id}`)
    await page.getByTestId("customer-profile-account-phone").waitFor()
    expect(await page.getByTestId("customer-profile-account-email").innerText()).toBe(customer.email)
    expect(await page.getByTestId("customer-profile-account-phone").innerText()).toBe("+44 7700 900000")
    expect(await page.getByTestId("customer-profile-phones").innerText()).toContain(landline)
    // Nothing else added: no "Other emails" row.
    expect(await page.getByTestId("customer-profile-emails").count()).toBe(0)

    await page.getByTestId("customer-profile-edit-contact").click()
    const drawer = page.getByTestId("customer-profile-contact-drawer")
    await drawer.waitFor()
    // The sign-in email is named, not offered as a choice; the account's phone leads the numbers, marked.
    expect(await drawer.getByTestId("customer-profile-emails-field").innerText()).toContain(customer.email)
    expect(await drawer.getByTestId("customer-profile-email-primary").count()).toBe(0)
    expect(await drawer.getByLabel("Phone number 1").inputValue()).toBe("+44 7700 900000")
    await drawer.getByLabel("Make number 2 the primary number").click()
    const saved = nextResponse(page, "POST", `/admin/customers/${customer.customer.id}/profile`)
    await drawer.getByTestId("customer-profile-contact-save").click()
    expect((await saved).status()).toBe(200)
    await drawer.waitFor({ state: "hidden" })

    await expect.poll(() => page.getByTestId("customer-profile-account-phone").innerText()).toBe(landline)
    expect(await page.getByTestId("customer-profile-phones").innerText()).toContain("+44 7700 900000")
    // The customer's own record, which the portal, bookings and the directory read, has the new number.
    expect((await api("/store/customers/me", { token: customer.token })).body.customer.phone).toBe(landline)
    await page.close()
  }, 120_000)
})
