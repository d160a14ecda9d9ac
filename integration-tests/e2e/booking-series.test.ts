/**
 * Issue #18 item 1 in the portal, without JavaScript: a customer books a fortnightly clean, sees
 * the repeat visits under My bookings, skips one visit and moves another, and changes a series'
 * time and frequency from a date on.
 */
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, api, signUpCustomer } from "../support/api"
import { createBookableService } from "../support/bookings"
import { chooseOption, chooseTime, launchBrowser, signInToPortal } from "../support/browser"
import { sql } from "../support/db"

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

async function continueFrom(page: Page, step: string, next: string) {
  await page.getByTestId(`booking-step-${step}`).waitFor()
  await page.getByRole("button", { name: "Continue" }).click()
  await page.getByTestId(`booking-step-${next}`).waitFor()
}

describe("repeat visits in the portal", () => {
  it("books a fortnightly clean, skips one visit and moves another", async () => {
    const customer = await signUpCustomer({ first_name: "Frankie", last_name: "Fortnight" })
    const saved = await api("/store/customers/me/addresses", {
      token: customer.token,
      body: { address_1: "5 Zetland Road", city: "Bristol", postal_code: "BS6 7AH", country_code: "gb", address_name: "Home" },
    })
    expect(saved.status).toBe(200)
    const page = await browser.newPage({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } })
    await signInToPortal(page, customer.email, customer.password)

    await page.goto(`${inject("portalUrl")}/book/regular-home-clean`)
    await chooseOption(page)
    await continueFrom(page, "option", "time")
    await chooseTime(page, 1)
    // How often: every 2 weeks, six visits in all.
    await page.getByRole("radio", { name: "Every 2 weeks" }).check()
    await page.getByRole("radio", { name: "After a number of visits" }).check()
    await page.getByLabel("Number of visits", { exact: true }).fill("6")
    await continueFrom(page, "time", "location")
    await continueFrom(page, "location", "contact")
    await continueFrom(page, "contact", "instructions")
    await continueFrom(page, "instructions", "payment")
    await continueFrom(page, "payment", "review")
    expect(await page.getByTestId("review-repeat").innerText()).toMatch(/^Every 2 weeks on \w+day, 6 visits in all$/)
    expect(await page.getByTestId("review-payment").innerText()).toBe("Pay on the day")
    await page.screenshot({ path: ".tmp/series-review-390.png", fullPage: true })
    await page.getByRole("button", { name: "Confirm repeat visits" }).click()

    // The series' page: booked 8 weeks ahead, a fortnight apart.
    await page.getByTestId("series-page").waitFor()
    expect(await page.getByTestId("series-done").innerText()).toContain("Your repeat visits are booked")
    expect(await page.getByTestId("series-frequency").innerText()).toMatch(/^Every 2 weeks on \w+day, arriving from \d\d:\d\d$/)
    const booked = page.locator('[data-testid="series-date"][data-state="booked"]')
    expect(await booked.count()).toBeGreaterThanOrEqual(4)
    const dates = await booked.evaluateAll((items) => items.map((item) => item.getAttribute("data-date")!))
    const gap = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000)
    expect(dates.slice(1).map((date, i) => gap(dates[i], date))).toEqual(dates.slice(1).map(() => 14))
    await page.screenshot({ path: ".tmp/series-page-390.png", fullPage: true })

    // Skip the second visit.
    const second = page.locator(`[data-testid="series-date"][data-date="${dates[1]}"]`)
    await second.getByRole("button", { name: /^Skip the visit on/ }).click()
    await page.getByTestId("series-done").waitFor()
    expect(await page.getByTestId("series-done").innerText()).toBe("That visit is skipped.")
    expect(await page.locator(`[data-testid="series-date"][data-date="${dates[1]}"]`).getAttribute("data-state")).toBe("skipped")

    // Move the third to another free time, as a single booking moves.
    await page
      .locator(`[data-testid="series-date"][data-date="${dates[2]}"]`)
      .getByRole("link", { name: /^Move the visit on/ })
      .click()
    await page.getByTestId("reschedule-booking").waitFor()
    const newStart = await chooseTime(page, 0)
    await page.getByRole("button", { name: "Move my visit" }).click()
    await page.waitForURL(/done=rescheduled/)

    // My bookings lists the repeat visits with their next visits.
    await page.goto(`${inject("portalUrl")}/bookings`)
    const series = page.getByTestId("series")
    expect(await series.count()).toBe(1)
    expect(await series.getByTestId("series-status").innerText()).toBe("Active")
    // The calendar file of her visits, through the portal with her session.
    const ics = await page.request.get(await page.getByRole("link", { name: /Add my visits to a calendar/ }).evaluate((a: HTMLAnchorElement) => a.href))
    expect(ics.status()).toBe(200)
    expect(ics.headers()["content-type"]).toMatch(/^text\/calendar/)
    expect((await ics.text()).match(/BEGIN:VEVENT/g)?.length).toBeGreaterThanOrEqual(4)
    await series.getByRole("link").click()
    await page.getByTestId("series-page").waitFor()
    const third = page.locator('[data-testid="series-date"]').filter({ hasText: "not the usual time" })
    expect(await third.count()).toBe(1)

    const [customerId] = await sql<{ id: string }>("select id from customer where email = $1 and deleted_at is null", [customer.email.toLowerCase()])
    const rows = await sql<{ occurrence: string; status: string; starts_at: Date }>(
      "select occurrence, status, starts_at from booking where customer_id = $1 and series_id is not null order by occurrence",
      [customerId.id]
    )
    expect(rows.find((row) => row.occurrence === dates[1])?.status).toBe("cancelled")
    expect(rows.find((row) => row.occurrence === dates[2])?.starts_at.toISOString()).toBe(new Date(newStart).toISOString())

    // And at desktop width.
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.screenshot({ path: ".tmp/series-page-desktop.png", fullPage: true })
    await page.close()
  }, 180_000)

  it("changes the time and frequency from a date on", async () => {
    const service = await createBookableService(await adminToken(), { lead_time_hours: 0, capacity: 1, horizon_days: 120 })
    const customer = await signUpCustomer({ first_name: "Chris", last_name: "Changer" })
    const saved = await api("/store/customers/me/addresses", {
      token: customer.token,
      body: { address_1: "9 Cotham Hill", city: "Bristol", postal_code: "BS6 6LA", country_code: "gb", address_name: "Home" },
    })
    expect(saved.status).toBe(200)
    const windows = (await api(`/store/services/${service.id}/availability?days=14`)).body.windows as { starts_at: string }[]
    const first = windows.find((window) => Date.parse(window.starts_at) > Date.now() + 6 * 86_400_000)!
    const created = await api("/store/customers/me/booking-series", {
      token: customer.token,
      body: {
        service_id: service.id,
        variant_id: service.variants[0].id,
        starts_at: first.starts_at,
        location: { address_id: saved.body.customer.addresses[0].id },
        frequency: "every_2_weeks",
      },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const oldId = created.body.booking_series.id as string

    const page = await browser.newPage({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } })
    await signInToPortal(page, customer.email, customer.password)
    await page.goto(`${inject("portalUrl")}/bookings/series/${oldId}`)
    await page.getByTestId("series-change-link").click()
    await page.getByTestId("series-change-page").waitFor()
    expect(await page.getByTestId("series-change-now").innerText()).toMatch(/^Every 2 weeks on \w+day, arriving from \d\d:\d\d$/)
    const newStart = await chooseTime(page, 1)
    await page.getByLabel("How often").selectOption("weekly")
    await page.screenshot({ path: ".tmp/series-change-390.png", fullPage: true })
    await page.getByRole("button", { name: "Change repeat visits" }).click()

    // The series that continues from then: weekly, from the chosen time.
    await page.getByTestId("series-page").waitFor()
    expect(await page.getByTestId("series-done").innerText()).toContain("Your repeat visits are changed")
    expect(await page.getByTestId("series-frequency").innerText()).toMatch(/^Every week on \w+day, arriving from \d\d:\d\d$/)
    const [next] = await sql<{ id: string; previous_series_id: string }>("select id, previous_series_id from booking_series where previous_series_id = $1", [
      oldId,
    ])
    expect(page.url()).toContain(next.id)
    const [firstNew] = await sql<{ starts_at: Date }>("select starts_at from booking where series_id = $1 order by starts_at limit 1", [next.id])
    expect(firstNew.starts_at.toISOString()).toBe(new Date(newStart).toISOString())
    const [old] = await sql<{ status: string }>("select status from booking_series where id = $1", [oldId])
    expect(old.status).toBe("ended")
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(`${inject("portalUrl")}/bookings/series/${next.id}/change`)
    await page.screenshot({ path: ".tmp/series-change-desktop.png", fullPage: true })
    await page.close()
  }, 180_000)

  it("gives the customer a private calendar link their calendar app can read, and a new one when they ask", async () => {
    const customer = await signUpCustomer({ first_name: "Callie", last_name: "Calendar" })
    const page = await browser.newPage({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } })
    await signInToPortal(page, customer.email, customer.password)
    await page.goto(`${inject("portalUrl")}/bookings/calendar`)
    const first = await page.getByTestId("calendar-url").inputValue()
    expect(first.startsWith(`${inject("portalUrl")}/calendar/`)).toBe(true)
    expect(await page.getByTestId("calendar-subscribe").getAttribute("href")).toBe(first.replace(/^https?:/, "webcal:"))
    await page.screenshot({ path: ".tmp/screenshots/portal-calendar-link-390.png", fullPage: true })
    // What a calendar app does: fetch the link with no session.
    const read = await fetch(first)
    expect(read.status).toBe(200)
    expect(read.headers.get("content-type")).toMatch(/^text\/calendar/)
    expect(await read.text()).toMatch(/^BEGIN:VCALENDAR/)

    await page.getByTestId("calendar-reset").click()
    await page.getByTestId("calendar-reset-done").waitFor()
    const second = await page.getByTestId("calendar-url").inputValue()
    expect(second).not.toBe(first)
    expect((await fetch(first)).status).toBe(404)
    expect((await fetch(second)).status).toBe(200)
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.screenshot({ path: ".tmp/screenshots/portal-calendar-link-desktop.png", fullPage: true })
    await page.close()
  }, 120_000)
})
