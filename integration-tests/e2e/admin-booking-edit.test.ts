import { randomUUID } from "node:crypto"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, api, signUpCustomer, TINY_PNG } from "../support/api"
import { launchBrowser, signInToAdmin } from "../support/browser"

/**
 * Issue 16, item 13: on a booking's admin page staff edit the visit's contact, instructions and
 * address in a drawer, add photos, and move the visit to another free window.
 */

type Window = { starts_at: string; ends_at: string }

let browser: Browser
let page: Page
let token: string
let booking: { id: string; booking_number: string; starts_at: string }
const suffix =
  randomUUID()
    .replace(/[^a-z]/g, "")
    .slice(0, 5) || "extra"

const HOME_CLEAN = "regular-home-clean"

/** The visit as the API has it now. */
const current = async () => (await api(`/admin/bookings/${booking.id}`, { token })).body.booking

/** "Tue 9 Mar 2032", as the page writes a visit's day in the business's time zone. */
const visitDay = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "Europe/London" }).format(new Date(iso))

const openMenuItem = async (item: string) => {
  await page.getByTestId("booking-visit-actions").click()
  await page.getByTestId(item).click()
}

beforeAll(async () => {
  browser = await launchBrowser()
  token = await adminToken()
  const customer = await signUpCustomer({ first_name: "Rosa", last_name: `Rebook${suffix}` })
  // A real portal booking in Bristol, in a window later in the horizon than other files take.
  const service = (await api(`/store/services/${HOME_CLEAN}`)).body.service
  const windows: Window[] = (await api(`/store/services/${HOME_CLEAN}/availability?days=28`)).body.windows
  for (const window of windows.slice(8)) {
    const placed = await api("/store/customers/me/bookings", {
      token: customer.token,
      body: {
        service_id: service.id,
        variant_id: service.variants[0].id,
        starts_at: window.starts_at,
        location: { address: { address_1: "3 Cotham Vale", city: "Bristol", postal_code: "BS6 6HR", country_code: "gb" } },
        contact: { name: "Rosa Rebook", phone: "0117 496 0000" },
      },
    })
    if (placed.status === 201) {
      booking = placed.body.booking
      break
    }
  }
  expect(booking, "no free window to book").toBeTruthy()
  page = await signInToAdmin(browser)
  await page.goto(`${inject("backendUrl")}/app/bookings/${booking.id}`)
  await page.getByTestId("booking-page").waitFor()
})

afterAll(async () => {
  await browser?.close()
})

describe.sequential("Admin: staff edit a booking", () => {
  it("staff change the contact and instructions in the drawer, and an address outside the area is refused beside its field", async () => {
    await openMenuItem("booking-visit-edit")
    await page.getByTestId("booking-visit-drawer").waitFor()
    expect(await page.getByTestId("booking-visit-field-contact_name").inputValue()).toBe("Rosa Rebook")
    await page.getByTestId("booking-visit-field-contact_name").fill("Pat Lodger")
    await page.getByTestId("booking-visit-field-contact_phone").fill("0117 496 0999")
    await page.getByTestId("booking-visit-field-instructions").fill("Gate code 4321. The dog is friendly.")
    await page.getByTestId("booking-visit-save").click()
    await page.getByTestId("booking-visit-drawer").waitFor({ state: "hidden" })
    await page.locator("[data-sonner-toast]").filter({ hasText: "Visit details saved" }).waitFor()
    await expect.poll(() => page.getByTestId("booking-contact").innerText()).toContain("Pat Lodger")
    expect(await page.getByTestId("booking-contact").innerText()).toContain("0117 496 0999")
    expect(await page.getByTestId("booking-instructions").innerText()).toBe("Gate code 4321. The dog is friendly.")

    // A new address: Gloucester is outside the service's area, said under the postcode.
    await openMenuItem("booking-visit-edit")
    await page.getByTestId("booking-visit-field-location").click()
    await page.getByRole("option", { name: "New address…" }).click()
    await page.getByTestId("booking-visit-field-address_1").fill("1 Westgate Street")
    await page.getByTestId("booking-visit-field-city").fill("Gloucester")
    await page.getByTestId("booking-visit-field-postal_code").fill("gl12nw")
    await page.getByTestId("booking-visit-save").click()
    await expect.poll(() => page.getByTestId("booking-visit-field-postal_code-error").innerText()).toMatch(/isn't offered in GL1 2NW/)
    await page.getByTestId("booking-visit-field-address_1").fill("22 Gloucester Road")
    await page.getByTestId("booking-visit-field-city").fill("Bristol")
    await page.getByTestId("booking-visit-field-postal_code").fill("bs78aa")
    await page.getByTestId("booking-visit-field-label").fill("Mum's house")
    await page.getByTestId("booking-visit-save").click()
    await page.getByTestId("booking-visit-drawer").waitFor({ state: "hidden" })
    await expect.poll(() => page.getByTestId("booking-where").innerText()).toBe("22 Gloucester Road, Bristol, BS7 8AA")
    // The new address is now one of the customer's locations, chosen in the drawer.
    await openMenuItem("booking-visit-edit")
    expect(await page.getByTestId("booking-visit-field-location").innerText()).toContain("Mum's house · 22 Gloucester Road, Bristol, BS7 8AA")
    await page.getByTestId("booking-visit-cancel").click()
    await page.getByTestId("booking-visit-drawer").waitFor({ state: "hidden" })
  })

  it("staff add a photo and see it listed as theirs", async () => {
    expect(await page.getByTestId("booking-attachments-empty").innerText()).toContain("Add photos or PDFs here")
    await page.getByTestId("booking-attachments-input").setInputFiles({ name: `meter-${suffix}.png`, mimeType: "image/png", buffer: TINY_PNG })
    await page
      .locator("[data-sonner-toast]")
      .filter({ hasText: `“meter-${suffix}.png” added` })
      .waitFor()
    await expect.poll(() => page.getByTestId("booking-attachment-name").allInnerTexts()).toEqual([`meter-${suffix}.png`])
    expect(await page.getByTestId("booking-attachment-added-by").innerText()).toContain("staff")
    expect(await page.getByTestId("booking-attachments-empty").count()).toBe(0)
  })

  it("staff reschedule the visit in the drawer and see the new time", async () => {
    const before = await current()
    await openMenuItem("booking-visit-reschedule")
    await page.getByTestId("schedule-time-drawer").waitFor()
    const option = page.getByTestId("schedule-time-option").first()
    const times = await option.innerText()
    await option.click()
    await page.getByTestId("schedule-time-move").click()
    await page.getByTestId("schedule-time-drawer").waitFor({ state: "hidden" })

    await expect.poll(async () => (await current()).starts_at).not.toBe(before.starts_at)
    const moved = await current()
    const [start, end] = times.split("–")
    await expect.poll(() => page.getByTestId("booking-when").innerText()).toContain(`Arriving between ${start} and ${end}`)
    expect(await page.getByTestId("booking-when").innerText()).toContain(visitDay(moved.starts_at))
    await page
      .locator("[data-sonner-toast]")
      .filter({ hasText: `Moved to ${visitDay(moved.starts_at)}` })
      .waitFor()
  })
})
