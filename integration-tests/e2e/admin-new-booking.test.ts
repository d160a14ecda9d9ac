import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, api, latestEmail, signUpCustomer } from "../support/api"
import { createBookableService, type TestService } from "../support/bookings"
import { launchBrowser, signInToAdmin } from "../support/browser"
import { sql } from "../support/db"

/**
 * Item 13 of issue #16: "New booking" in the admin, from a customer's page and from Bookings.
 * The service is this file's own (capacity 1), so no other file's bookings change its windows.
 */

type Customer = Awaited<ReturnType<typeof signUpCustomer>>

let browser: Browser
let token: string
let service: TestService

beforeAll(async () => {
  browser = await launchBrowser()
  token = await adminToken()
  service = await createBookableService(token, { lead_time_hours: 0, capacity: 1 })
})

afterAll(async () => {
  await browser?.close()
})

async function chooseService(page: Page) {
  await page.getByTestId("new-booking-service").click()
  await page.getByRole("option", { name: new RegExp(service.title) }).click()
  await page.getByLabel(/^Small/).check()
}

/**
 * Ticks the first free window of the second day offered (a window today may start before the test
 * presses "Book visit", whatever the time of day); answers its start.
 */
async function chooseFirstWindow(page: Page): Promise<string> {
  await page.getByTestId("new-booking-day").nth(1).click()
  const window = page.getByTestId("new-booking-window").first()
  await window.click()
  expect(await window.getAttribute("aria-pressed")).toBe("true")
  return (await window.getAttribute("data-starts-at"))!
}

/** Waits for the booking's page after "Book visit"; a refusal fails the test with what staff saw. */
async function bookingOpened(page: Page) {
  await page.getByTestId("booking-page").or(page.getByTestId("new-booking-error")).first().waitFor()
  if (await page.getByTestId("new-booking-error").isVisible()) throw new Error(`Not booked: ${await page.getByTestId("new-booking-error").innerText()}`)
}

describe("Admin: New booking", () => {
  it("books a visit from the customer's page at their saved location, priced as the order, and opens the booking", async () => {
    const customer = await signUpCustomer({ first_name: "Norah", last_name: "Newbook" })
    const saved = await api("/store/customers/me/addresses", {
      token: customer.token,
      body: { address_name: "Home", address_1: "8 Royal York Crescent", city: "Bristol", postal_code: "BS8 4JZ", country_code: "gb" },
    })
    expect(saved.status).toBe(200)

    const page = await signInToAdmin(browser)
    await page.goto(`${inject("backendUrl")}/app/customers/${customer.customer.id}`)
    await page.getByTestId("customer-bookings-new").click()
    await page.getByTestId("new-booking-page").waitFor()
    expect(await page.getByTestId("new-booking-customer-name").innerText()).toBe("Norah Newbook")
    // Nothing can be booked before a service and a time are chosen.
    expect(await page.getByTestId("new-booking-submit").isDisabled()).toBe(true)

    await chooseService(page)
    const startsAt = await chooseFirstWindow(page)
    await page.screenshot({ path: ".tmp/screenshots/admin-new-booking-top.png" })
    // Her saved location is chosen for her; her own details are the contact on the day.
    expect(await page.getByLabel(/Home: 8 Royal York Crescent/).isChecked()).toBe(true)
    expect(await page.getByLabel("Contact on the day").inputValue()).toBe("Norah Newbook")
    await page.getByLabel("Instructions for the team (optional)").fill("Parking round the back.")
    expect(await page.getByTestId("new-booking-pay-on-the-day").getAttribute("data-state")).toBe("checked")

    // The price shown is the one Medusa prices the order at.
    const [location] = (await api(`/admin/customers/${customer.customer.id}/profile`, { token })).body.profile.locations as { id: string }[]
    const preview = await api(`/admin/customers/${customer.customer.id}/booking-price`, {
      token,
      body: { service_id: service.id, variant_id: service.variants.find((variant) => variant.title === "Small")!.id, location: { address_id: location.id } },
    })
    expect(preview.status, JSON.stringify(preview.body)).toBe(200)
    await page.screenshot({ path: ".tmp/screenshots/admin-new-booking.png", fullPage: true })
    const pounds = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" })
    await expect.poll(() => page.getByTestId("new-booking-total").innerText()).toBe(pounds.format(preview.body.price.total))

    await page.getByTestId("new-booking-submit").click()
    await bookingOpened(page)
    const bookingId = (await page.getByTestId("booking-page").getAttribute("data-booking-id"))!
    expect(await page.getByTestId("booking-instructions").innerText()).toContain("Parking round the back.")
    expect(await page.getByTestId("booking-where").innerText()).toContain("BS8 4JZ")

    const booking = (await api(`/admin/bookings/${bookingId}`, { token })).body.booking
    expect(booking).toMatchObject({ customer_id: customer.customer.id, starts_at: startsAt, status: "confirmed" })
    const order = await api(`/admin/orders/${booking.order_id}?fields=total`, { token })
    expect(order.body.order.total).toBe(preview.body.price.total)
    const email = await latestEmail(customer.email.toLowerCase(), "booking-confirmation")
    expect(email.data.booking_number).toBe(booking.booking_number)
    await page.close()
  }, 240_000)

  it("finds the customer from Bookings, checks a new address's postcode, and says so when the time was just taken", async () => {
    const customer: Customer = await signUpCustomer({ first_name: "Quentin", last_name: `Quickcall${Date.now().toString(36)}` })
    const page = await signInToAdmin(browser)
    await page.goto(`${inject("backendUrl")}/app/bookings`)
    await page.getByTestId("bookings-new").click()
    await page.getByTestId("new-booking-customer-search").fill(customer.email)
    // The list answers the search a moment after typing; until then it shows other customers.
    await page.getByTestId("new-booking-customer-option").filter({ hasText: customer.email.toLowerCase() }).getByTestId("new-booking-customer-choose").click()
    await page.getByTestId("new-booking-customer-name").waitFor()
    expect(await page.getByTestId("new-booking-customer-name").innerText()).toContain("Quentin")

    await chooseService(page)
    const startsAt = await chooseFirstWindow(page)
    // No saved location: a new address, whose postcode is checked as it is typed.
    expect(await page.getByTestId("new-booking-location-new").getAttribute("data-state")).toBe("checked")
    await page.getByTestId("new-booking-address-address_1").fill("4 Whiteladies Road")
    await page.getByTestId("new-booking-address-city").fill("Bristol")
    await page.getByTestId("new-booking-address-postal_code").fill("NOTAPOSTCODE1")
    expect(await page.getByTestId("new-booking-address-postal_code-error").innerText()).toMatch(/isn’t a postcode in the United Kingdom/)
    expect(await page.getByTestId("new-booking-submit").isDisabled()).toBe(true)
    await page.getByTestId("new-booking-address-postal_code").fill("bs8 2pr")
    await page.getByTestId("new-booking-address-label").fill("Office")

    // Someone takes that window (capacity 1) before staff press the button.
    const rival = await signUpCustomer({ first_name: "Rhea", last_name: "Rival" })
    const taken = await api("/store/customers/me/bookings", {
      token: rival.token,
      body: {
        service_id: service.id,
        variant_id: service.variants[0].id,
        starts_at: startsAt,
        location: { address: { address_1: "1 Other Road", city: "Bristol", postal_code: "BS6 5AA", country_code: "gb" } },
      },
    })
    expect(taken.status, JSON.stringify(taken.body)).toBe(201)
    await page.getByTestId("new-booking-submit").click()
    await page.getByTestId("new-booking-error").waitFor()
    expect(await page.getByTestId("new-booking-error").innerText()).toMatch(/just been booked by someone else/)
    const [{ count }] = await sql(`select count(*)::int as count from booking where customer_id = $1`, [customer.customer.id])
    expect(count).toBe(0)

    // Another time, and it is booked; the new address joins the customer's locations.
    // The taken time is no longer offered, and none is chosen.
    await expect.poll(() => page.locator(`[data-testid="new-booking-window"][data-starts-at="${startsAt}"]`).count()).toBe(0)
    expect(await page.locator('[data-testid="new-booking-window"][aria-pressed="true"]').count()).toBe(0)
    await page.getByTestId("new-booking-window").first().click()
    await page.getByTestId("new-booking-submit").click()
    await page.getByTestId("booking-page").waitFor()
    const profile = (await api(`/admin/customers/${customer.customer.id}/profile`, { token })).body.profile
    expect(profile.locations).toEqual([expect.objectContaining({ address_name: "Office", postal_code: "BS8 2PR" })])
    await page.close()
  }, 240_000)
})
