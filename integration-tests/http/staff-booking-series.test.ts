/**
 * Issue #18 item 1, the staff side: repeat visits set up from the customer's page (the office's
 * lead time for the first visit), listed with their next visits, and skipped, moved, changed from
 * a date on, paused and ended by staff, each recorded with the staff member as the actor. Another
 * customer's series is not found; bad input is refused in words with nothing written.
 */
import { beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, eventually, latestEmail } from "../support/api"
import { addDays, customerWithHome, londonInstant, nextWeekday, type SeriesCustomer, ymd } from "../support/booking-series"
import { createBookableService, type TestService } from "../support/bookings"
import { sql } from "../support/db"

const ZONE = "Europe/London"
const DAY = 86_400_000
const LEAD_TIME_HOURS = 72

type Customer = SeriesCustomer
type Visit = { id: string; occurrence: string; status: string; starts_at: string; moved: boolean }
type Series = {
  id: string
  status: string
  frequency_text: string
  start_time: string
  starts_on: string
  created_by: string
  next_visits: Visit[]
  dates: { date: string; state: string }[]
}

let admin: string
let service: TestService

const customer = (label: string) => customerWithHome(label, "Staffseries")

const seriesBody = (who: Customer, startsAt: string, frequency: string, extra: Record<string, unknown> = {}, svc = service) => ({
  service_id: svc.id,
  variant_id: svc.variants[0].id,
  starts_at: startsAt,
  location: { address_id: who.addressId },
  frequency,
  ...extra,
})
const seriesUrl = (who: Customer, id = "", action = "") =>
  `/admin/customers/${who.customer.id}/booking-series${id ? `/${id}` : ""}${action ? `/${action}` : ""}`

async function staffDo(who: Customer, id: string, action: string, body: Record<string, unknown>): Promise<Series> {
  const response = await api(seriesUrl(who, id, action), { token: admin, body })
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return response.body.booking_series
}

/** The newest history line of this kind, with who did it. */
const historyLine = (who: Customer, kind: string) =>
  eventually(async () => {
    const { body } = await api(`/admin/customers/${who.customer.id}/activity?kind=${kind}&limit=1`, { token: admin })
    const [line] = body.activity as { message: string; actor: { type: string; email: string | null } }[]
    if (!line) throw new Error(`no ${kind} line yet`)
    return line
  })

beforeAll(async () => {
  admin = await adminToken()
  // Customers can't book inside 72 hours; the office can.
  service = await createBookableService(admin, { lead_time_hours: LEAD_TIME_HOURS, capacity: 1, horizon_days: 120 })
}, 120_000)

describe("staff set up and change a customer's repeat visits", () => {
  let who: Customer
  let stranger: Customer
  let series: Series

  beforeAll(async () => {
    who = await customer("Gwen")
    stranger = await customer("Sid")
  }, 60_000)

  it("books a fortnightly series whose first visit is inside the customers' lead time, as staff bookings may", async () => {
    // The first of staff's windows at least two hours ahead: inside the 72-hour lead time whatever the hour.
    const windows = (await api(`/admin/services/${service.id}/free-windows?days=3`, { token: admin })).body.windows as { starts_at: string }[]
    const first = windows.find((window) => new Date(window.starts_at).getTime() > Date.now() + 2 * 3600_000)!
    expect(new Date(first.starts_at).getTime() - Date.now()).toBeLessThan(LEAD_TIME_HOURS * 3600_000)
    const body = seriesBody(who, first.starts_at, "every_2_weeks", { count: 6 })
    // The portal refuses that time …
    const portal = await api("/store/customers/me/booking-series", { token: who.token, body })
    expect(portal.status).toBeGreaterThanOrEqual(400)
    expect(portal.status).toBeLessThan(500)
    // … the office books it.
    const response = await api(seriesUrl(who), { token: admin, body })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    series = response.body.booking_series
    expect(series.created_by).toBe("staff")
    expect(series.frequency_text).toMatch(/^Every 2 weeks on \w+day$/)
    expect(series.next_visits[0].starts_at).toBe(new Date(first.starts_at).toISOString())
    expect(series.next_visits.length).toBeGreaterThanOrEqual(4)
    const gaps = series.next_visits.slice(1).map((visit, i) => Math.round((Date.parse(visit.starts_at) - Date.parse(series.next_visits[i].starts_at)) / DAY))
    expect(gaps).toEqual(gaps.map(() => 14))
    const line = await historyLine(who, "series_created")
    expect(line.message).toMatch(/Repeat visits set up/)
    expect(line.actor).toMatchObject({ type: "staff", email: "admin@example.com" })
  })

  it("lists the customer's series with their next visits, and only theirs", async () => {
    const list = await api(seriesUrl(who), { token: admin })
    expect(list.status).toBe(200)
    const mine = (list.body.booking_series as Series[]).find((s) => s.id === series.id)!
    expect(mine.next_visits.map((v) => v.id)).toEqual(series.next_visits.slice(0, 3).map((v) => v.id))
    expect((await api(seriesUrl(stranger), { token: admin })).body.booking_series).toEqual([])
    // The customer sees the same series in the portal.
    expect((await api(`/store/customers/me/booking-series/${series.id}`, { token: who.token })).status).toBe(200)
  })

  it("answers 404 for a series through another customer's page, reading or changing", async () => {
    expect((await api(seriesUrl(stranger, series.id), { token: admin })).status).toBe(404)
    expect((await api("/admin/customers/cus_nobody/booking-series", { token: admin })).status).toBe(404)
    for (const [action, body] of [
      ["skip", { date: series.next_visits[1].occurrence }],
      ["pause", { from: series.next_visits[1].occurrence, to: series.next_visits[2].occurrence }],
      ["end", {}],
      ["change", { from: series.next_visits[1].occurrence, starts_at: series.next_visits[1].starts_at }],
    ] as const) {
      const response = await api(seriesUrl(stranger, series.id, action), { token: admin, body })
      expect(response.status, `${action}: ${JSON.stringify(response.body)}`).toBe(404)
      expect(response.body.message).toMatch(/were not found/)
    }
    const [row] = await sql<{ status: string; skipped: string[] }>("select status, skipped from booking_series where id = $1", [series.id])
    expect(row).toEqual({ status: "active", skipped: [] })
  })

  it("skips the first visit even inside the cut-off, with the staff member in the history", async () => {
    const visit = series.next_visits[0]
    const after = await staffDo(who, series.id, "skip", { date: visit.occurrence })
    expect(after.dates.find((d) => d.date === visit.occurrence)?.state).toBe("skipped")
    const [row] = await sql<{ status: string }>("select status from booking where id = $1", [visit.id])
    expect(row.status).toBe("cancelled")
    const line = await historyLine(who, "series_visit_skipped")
    expect(line.message).toMatch(new RegExp(`the visit on ${visit.occurrence} is skipped`))
    expect(line.actor.type).toBe("staff")
    // The customer is told (the office made the change, so it isn't emailed about it).
    await eventually(async () => {
      const email = await latestEmail(who.email.toLowerCase(), "booking-series-changed")
      if (!String(email.data.summary).includes(`the visit on ${visit.occurrence} is skipped`)) throw new Error("no skip email yet")
    })
    series = after
  })

  it("moves one visit to another window", async () => {
    const visit = series.next_visits[1]
    const usual = new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(visit.starts_at))
    const to = londonInstant(visit.occurrence, usual === "17:00" ? "07:00" : "17:00")
    const after = await staffDo(who, series.id, "move", { date: visit.occurrence, starts_at: to })
    expect(after.next_visits.find((v) => v.occurrence === visit.occurrence)).toMatchObject({ id: visit.id, moved: true, starts_at: to })
  })

  it("changes time and frequency from a date on: a new series continues from then", async () => {
    const from = series.next_visits[2].occurrence
    const next = await staffDo(who, series.id, "change", { from, starts_at: londonInstant(from, "13:00"), frequency: "weekly" })
    expect(next.id).not.toBe(series.id)
    expect(next.start_time).toBe("13:00")
    expect(next.frequency_text).toMatch(/^Every week on/)
    expect(next.next_visits[0].occurrence).toBe(from)
    const [old] = await sql<{ status: string; ended_by: string }>("select status, ended_by from booking_series where id = $1", [series.id])
    expect(old).toEqual({ status: "ended", ended_by: "staff" })
    expect((await historyLine(who, "series_changed")).actor.type).toBe("staff")
    series = next
  })

  it("pauses for a period: the visits in it are cancelled", async () => {
    const from = series.next_visits[1].occurrence
    const to = addDays(from, 6)
    const after = await staffDo(who, series.id, "pause", { from, to })
    expect(after.dates.filter((d) => d.date >= from && d.date <= to).map((d) => d.state)).toEqual(["paused"])
    const [row] = await sql<{ status: string }>("select status from booking where id = $1", [series.next_visits[1].id])
    expect(row.status).toBe("cancelled")
    expect((await historyLine(who, "series_paused")).message).toMatch(new RegExp(`paused from ${from} to ${to}`))
  })

  it("ends the series: every later visit cancelled, and an ended series can't be changed", async () => {
    const after = await staffDo(who, series.id, "end", {})
    expect(after.status).toBe("ended")
    expect(after.next_visits).toEqual([])
    const open = await sql("select id from booking where series_id = $1 and status <> 'cancelled' and starts_at > now()", [series.id])
    expect(open).toEqual([])
    const again = await api(seriesUrl(who, series.id, "skip"), { token: admin, body: { date: series.next_visits[0].occurrence } })
    expect(again.status).toBe(409)
    expect(again.body.message).toMatch(/have ended/)
    expect((await historyLine(who, "series_ended")).actor.type).toBe("staff")
  })
})

describe("bad input from staff: a 400 in words, nothing written", () => {
  it("refuses a series starting in the past, ending before it starts, or more often than the service allows", async () => {
    const who = await customer("Bram")
    // A service whose visit takes 8 days (more than the form allows, set in the table), so weekly is too often.
    const long = await createBookableService(admin, { lead_time_hours: 0, capacity: 1, horizon_days: 120 })
    await sql("update service_details set duration_minutes = $1 where product_id = $2", [8 * 24 * 60, long.id])
    const later = londonInstant(nextWeekday(ymd(new Date(Date.now() + 10 * DAY)), 3), "11:00")
    const cases: [Record<string, unknown>, RegExp][] = [
      [seriesBody(who, londonInstant(ymd(new Date(Date.now() - 7 * DAY)), "11:00"), "weekly"), /can't be in the past/],
      [seriesBody(who, later, "weekly", { until: ymd(new Date(Date.now() + 2 * DAY)) }), /before the first visit/],
      [seriesBody(who, later, "weekly", {}, long), /too often for .*one visit takes 192 hours/],
      [seriesBody(who, later, "fortnightly"), /weekly, every_2_weeks/],
      [seriesBody(who, later, "weekly", { until: ymd(new Date(Date.now() + 60 * DAY)), count: 4 }), /not both/],
    ]
    for (const [body, message] of cases) {
      const response = await api(`/admin/customers/${who.customer.id}/booking-series`, { token: admin, body })
      expect(response.status, JSON.stringify(response.body)).toBe(400)
      expect(response.body.message).toMatch(message)
    }
    expect(await sql("select id from booking_series where customer_id = $1", [who.customer.id])).toEqual([])
    expect(await sql("select id from booking where customer_id = $1", [who.customer.id])).toEqual([])
  })
})
