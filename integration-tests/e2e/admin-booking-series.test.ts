import type { Browser } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, api, signUpCustomer } from "../support/api"
import { createBookableService, type TestService } from "../support/bookings"
import { launchBrowser, signInToAdmin } from "../support/browser"
import { sql } from "../support/db"

/**
 * Issue #18 item 1, staff side: from the customer's page, "New booking" with "How often?" set to
 * every 2 weeks sets up repeat visits; the customer page lists them with the rule in words, the
 * next visit and the status, and staff end them from the row's menu.
 */

let browser: Browser
let token: string
let service: TestService

beforeAll(async () => {
  browser = await launchBrowser()
  token = await adminToken()
  service = await createBookableService(token, { lead_time_hours: 0, capacity: 1, horizon_days: 120 })
})

afterAll(async () => {
  await browser?.close()
})

describe("Admin: repeat visits", () => {
  it("sets up a fortnightly series from New booking, shows it on the customer page, and ends it", async () => {
    const customer = await signUpCustomer({ first_name: "Fiona", last_name: "Fortnightly" })
    const saved = await api("/store/customers/me/addresses", {
      token: customer.token,
      body: { address_name: "Home", address_1: "12 Redland Grove", city: "Bristol", postal_code: "BS6 6PR", country_code: "gb" },
    })
    expect(saved.status).toBe(200)

    const page = await signInToAdmin(browser)
    await page.setViewportSize({ width: 1440, height: 1000 })
    await page.goto(`${inject("backendUrl")}/app/customers/${customer.customer.id}`)
    await page.getByTestId("customer-series-empty").waitFor()
    await page.getByTestId("customer-bookings-new").click()
    await page.getByTestId("new-booking-page").waitFor()

    await page.getByTestId("new-booking-service").click()
    await page.getByRole("option", { name: new RegExp(service.title) }).click()
    await page.getByLabel(/^Small/).check()
    // The second day offered: a window today could start before the test presses the button.
    await page.getByTestId("new-booking-day").nth(1).click()
    const window = page.getByTestId("new-booking-window").first()
    await window.click()
    const startsAt = (await window.getAttribute("data-starts-at"))!

    // How often? Every 2 weeks (named after the chosen day), six visits.
    await page.getByTestId("new-booking-frequency").click()
    await page.getByRole("option", { name: /^Every 2 weeks on \w+day$/ }).click()
    await page.getByTestId("new-booking-ends-count").click()
    await page.getByTestId("new-booking-count").fill("6")
    expect(await page.getByTestId("new-booking-series-payment").innerText()).toContain("paid on the day")
    expect(await page.getByTestId("new-booking-submit").innerText()).toBe("Set up repeat visits")
    await page.screenshot({ path: ".tmp/screenshots/admin-new-booking-series.png", fullPage: true })
    await page.getByTestId("new-booking-submit").click()

    // Back on the customer's page: the series with its rule, next visit and status.
    const row = page.getByTestId("customer-series-row")
    await row.waitFor()
    expect(await row.getByTestId("customer-series-rule").innerText()).toMatch(/^Every 2 weeks on \w+day at \d\d:\d\d$/)
    expect(await row.getByTestId("customer-series-status").innerText()).toBe("Active")
    expect(await row.getByTestId("customer-series-next").innerText()).toMatch(/^Next: /)
    const seriesId = (await row.getAttribute("data-series-id"))!
    const [created] = await sql<{ created_by: string; count: number }>("select created_by, count from booking_series where id = $1", [seriesId])
    expect(created).toEqual({ created_by: "staff", count: 6 })
    const [first] = await sql<{ starts_at: Date }>("select starts_at from booking where series_id = $1 order by starts_at limit 1", [seriesId])
    expect(first.starts_at.toISOString()).toBe(new Date(startsAt).toISOString())
    await page.getByTestId("customer-series").screenshot({ path: ".tmp/screenshots/admin-customer-series.png" })

    // Pause it for two weeks from the next visit (the drawer's dates): that visit is cancelled.
    await row.getByTestId("customer-series-actions").click()
    await page.getByTestId("customer-series-pause").click()
    await page.getByTestId("series-pause-drawer").waitFor()
    const pauseFrom = await page.getByTestId("series-pause-from").inputValue()
    await page.getByTestId("series-pause-drawer-save").click()
    await page.getByTestId("series-pause-drawer").waitFor({ state: "hidden" })
    const [paused] = await sql<{ pauses: { from: string; to: string }[] }>("select pauses from booking_series where id = $1", [seriesId])
    expect(paused.pauses).toEqual([{ from: pauseFrom, to: expect.any(String) }])
    expect(await sql("select id from booking where series_id = $1 and occurrence = $2 and status <> 'cancelled'", [seriesId, pauseFrom])).toEqual([])

    // Skip the next visit, after confirming: it is cancelled and the date kept as skipped.
    const nextVisit = async () =>
      (
        await sql<{ id: string; occurrence: string; starts_at: Date }>(
          "select id, occurrence, starts_at from booking where series_id = $1 and status <> 'cancelled' and starts_at > now() order by starts_at limit 1",
          [seriesId]
        )
      )[0]
    const skipped = await nextVisit()
    await row.getByTestId("customer-series-actions").click()
    await page.getByTestId("customer-series-skip").click()
    await page.getByRole("button", { name: "Skip visit" }).click()
    await expect.poll(async () => (await sql<{ status: string }>("select status from booking where id = $1", [skipped.id]))[0].status).toBe("cancelled")
    expect((await sql<{ skipped: string[] }>("select skipped from booking_series where id = $1", [seriesId]))[0].skipped).toContain(skipped.occurrence)

    // Move the next one to another free time the drawer offers: the same booking, at the new time.
    const moving = await nextVisit()
    await row.getByTestId("customer-series-actions").click()
    await page.getByTestId("customer-series-move").click()
    await page.getByTestId("schedule-time-drawer").waitFor()
    const options = page.getByTestId("schedule-time-drawer").getByTestId("schedule-time-option")
    await options.first().waitFor()
    expect(await options.count()).toBeGreaterThan(1)
    await options.last().click()
    await page.getByTestId("schedule-time-move").click()
    await page.getByTestId("schedule-time-drawer").waitFor({ state: "hidden" })
    await expect
      .poll(async () => (await sql<{ starts_at: Date }>("select starts_at from booking where id = $1", [moving.id]))[0].starts_at.getTime())
      .not.toBe(moving.starts_at.getTime())
    const [moved] = await sql<{ status: string; series_id: string }>("select status, series_id from booking where id = $1", [moving.id])
    expect(moved).toEqual({ status: "confirmed", series_id: seriesId })

    // Change it from a date on, to weekly at one of the free times the drawer offers: a new series continues it.
    await row.getByTestId("customer-series-actions").click()
    await page.getByTestId("customer-series-change").click()
    await page.getByTestId("series-change-drawer").waitFor()
    // The free times load after the drawer opens: an early click opens an empty list.
    await expect.poll(() => page.getByTestId("series-change-window").innerText()).toBe("Choose an arrival time")
    await page.getByTestId("series-change-window").click()
    await page.getByTestId("series-change-window-option").first().waitFor()
    await page.getByTestId("series-change-window-option").first().click()
    await page.getByTestId("series-change-frequency").click()
    await page.getByRole("option", { name: /^Every week$/ }).click()
    await page.screenshot({ path: ".tmp/screenshots/admin-series-change-drawer.png" })
    await page.getByTestId("series-change-drawer-save").click()
    await page.getByTestId("series-change-drawer").waitFor({ state: "hidden" })
    const [continued] = await sql<{ id: string; frequency: string; created_by: string }>(
      "select id, frequency, created_by from booking_series where previous_series_id = $1",
      [seriesId]
    )
    expect(continued).toMatchObject({ frequency: "weekly", created_by: "staff" })
    const activeRow = page.locator(`[data-testid="customer-series-row"][data-series-id="${continued.id}"]`)
    await activeRow.waitFor()
    expect(await activeRow.getByTestId("customer-series-rule").innerText()).toMatch(/^Every week on \w+day at \d\d:\d\d$/)

    // End it from the row's menu, after confirming.
    await activeRow.getByTestId("customer-series-actions").click()
    await page.getByTestId("customer-series-end").click()
    await page.getByRole("button", { name: "End repeat visits" }).click()
    await expect.poll(() => activeRow.getByTestId("customer-series-status").innerText()).toBe("Ended")
    expect(await activeRow.getByTestId("customer-series-actions").count()).toBe(0)
    const [ended] = await sql<{ status: string; ended_by: string }>("select status, ended_by from booking_series where id = $1", [continued.id])
    expect(ended).toEqual({ status: "ended", ended_by: "staff" })
    expect(await sql("select id from booking where series_id = $1 and status <> 'cancelled'", [continued.id])).toEqual([])
    await page.screenshot({ path: ".tmp/screenshots/admin-customer-series-ended.png", fullPage: true })
    await page.close()
  }, 240_000)
})
