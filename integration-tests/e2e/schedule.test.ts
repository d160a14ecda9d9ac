import { randomUUID } from "node:crypto"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, signUpCustomer } from "../support/api"
import { createFieldworker } from "../support/bookings"
import { launchBrowser, signInToAdmin } from "../support/browser"
import { sql } from "../support/db"

type Window = { starts_at: string; ends_at: string }

let browser: Browser
let token: string
/** Keeps this run's fieldworkers apart from other tests' and earlier runs'. */
const suffix =
  randomUUID()
    .replace(/[^a-z]/g, "")
    .slice(0, 5) || "board"
let booking: { id: string; booking_number: string; starts_at: string }
let day: string

/** The business's calendar day of an instant. */
const businessDay = (iso: string) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date(iso))

beforeAll(async () => {
  browser = await launchBrowser()
  token = await adminToken()
  const customer = await signUpCustomer({ first_name: "Bo", last_name: `Board${suffix}` })
  // A real portal booking in a spare window from the later part of the horizon (other files take the first ones).
  const service = (await api("/store/services/oven-cleaning")).body.service
  const windows: Window[] = (await api("/store/services/oven-cleaning/availability?days=28")).body.windows
  for (const window of windows.slice(12, -2).sort(() => Math.random() - 0.5)) {
    const placed = await api("/store/customers/me/bookings", {
      token: customer.token,
      body: {
        service_id: service.id,
        variant_id: service.variants[0].id,
        starts_at: window.starts_at,
        location: { address: { address_1: "12 Zetland Road", city: "Bristol", postal_code: "BS6 7AH", country_code: "gb" } },
        contact: { name: "Bo at home", phone: "0117 496 0000" },
        instructions: "Key under the blue pot.",
      },
    })
    if (placed.status === 201) {
      booking = placed.body.booking
      break
    }
  }
  expect(booking, "a free oven-cleaning window").toBeTruthy()
  day = businessDay(booking.starts_at)
})

afterAll(async () => {
  await browser?.close()
})

const visitIn = (page: Page, lane: string) => page.locator(`[data-testid="schedule-drop"][data-fieldworker-id="${lane}"] [data-booking-id="${booking.id}"]`)

describe("Admin: the schedule", () => {
  it("shows a visit under its fieldworker, moves it to another (menu and drag) with a toast, and opens the day sheet", async () => {
    const first = await createFieldworker(token, { name: `Fran First ${suffix}`, service_areas: [] })
    const second = await createFieldworker(token, { name: `Sam Second ${suffix}`, service_areas: ["BS"] })
    expect((await api(`/admin/bookings/${booking.id}/fieldworker`, { token, body: { fieldworker_id: first.id } })).status).toBe(200)

    const page = await signInToAdmin(browser)
    await page.getByRole("link", { name: "Schedule", exact: true }).first().click()
    await page.getByTestId("schedule-page").waitFor()
    await page.getByTestId("schedule-day").fill(day)
    await expect.poll(() => page.url()).toContain(`day=${day}`)

    // The card sits under Fran, with its window, service, postcode and status.
    const card = visitIn(page, first.id)
    await card.waitFor()
    expect(await card.getByTestId("schedule-visit-postcode").innerText()).toBe("BS6 7AH")
    expect(await card.getByTestId("schedule-visit-status").innerText()).toBe("Confirmed")
    expect(await card.getByTestId("schedule-visit-service").innerText()).toMatch(/^Oven Deep Clean/)

    // The filters: another postcode area hides it, its own shows it again.
    await page.getByTestId("schedule-area").fill("BA1")
    await expect.poll(() => page.url()).toContain("postcode_area=BA1")
    await visitIn(page, first.id).waitFor({ state: "detached" })
    await page.getByTestId("schedule-area").fill("BS6")
    await visitIn(page, first.id).waitFor()

    // The Move… menu: to Sam.
    await card.getByTestId("schedule-visit-move").click()
    await page.getByRole("menuitem", { name: `Assign to Sam Second ${suffix}` }).click()
    await page.getByText(`${booking.booking_number} assigned to Sam Second ${suffix}`).first().waitFor()
    await visitIn(page, second.id).waitFor()
    expect((await sql(`select fieldworker_id from booking where id = $1`, [booking.id]))[0].fieldworker_id).toBe(second.id)

    // Dragged to "Unassigned" in the same hour: taken off Sam.
    const sameHour = await visitIn(page, second.id).evaluate((node) =>
      node.closest('[data-testid="schedule-drop"]')!.getAttribute("aria-label")!.split(", ").pop()
    )
    // HTML5 drag events, as the browser sends them when a card is dragged and dropped.
    const dataTransfer = await page.evaluateHandle(() => new DataTransfer())
    const unassigned = page.locator(`[data-testid="schedule-drop"][data-fieldworker-id="none"][aria-label="Unassigned, ${sameHour}"]`)
    await visitIn(page, second.id).dispatchEvent("dragstart", { dataTransfer })
    await unassigned.dispatchEvent("dragover", { dataTransfer })
    await unassigned.dispatchEvent("drop", { dataTransfer })
    await page.getByText(`${booking.booking_number} unassigned`).first().waitFor()
    await visitIn(page, "none").waitFor()
    expect((await sql(`select fieldworker_id from booking where id = $1`, [booking.id]))[0].fieldworker_id).toBeNull()

    // Back to Sam, then his day sheet lists the visit with where, who and the notes.
    await visitIn(page, "none").getByTestId("schedule-visit-move").click()
    await page.getByRole("menuitem", { name: `Assign to Sam Second ${suffix}` }).click()
    await visitIn(page, second.id).waitFor()
    await page.locator(`[data-testid="schedule-lane"][data-fieldworker-id="${second.id}"]`).getByTestId("schedule-day-sheet-link").click()
    await page.getByTestId("day-sheet").waitFor()
    await expect.poll(() => page.getByTestId("day-sheet-heading").innerText()).toBe(`Sam Second ${suffix}`)
    const sheet = page.locator(`[data-testid="day-sheet-visit"][data-booking-id="${booking.id}"]`)
    await sheet.waitFor()
    expect(await sheet.getByTestId("day-sheet-address").innerText()).toContain("12 Zetland Road")
    expect(await sheet.getByTestId("day-sheet-contact").innerText()).toBe("Ask for Bo at home · 0117 496 0000")
    expect(await sheet.getByTestId("day-sheet-instructions").innerText()).toBe("Notes: Key under the blue pot.")
    await page.close()
  }, 300_000)
})
