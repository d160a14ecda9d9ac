/**
 * Issue #18 item 1: repeat visits. Rules in the business's time zone (daylight saving, month
 * ends, "second Tuesday"), the rolling job (its clock pinned through `medusa exec`, as the hourly
 * schedule runs it), capacity shared with single bookings, the customer's skip / move / change /
 * pause / end, bad input, and a customer archived mid-series.
 */
import { beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, eventually } from "../support/api"
import { addDays, customerWithHome, londonInstant, nextWeekday, runSeriesJob, type SeriesCustomer, ymd } from "../support/booking-series"
import { createBookableService, type TestService } from "../support/bookings"
import { sql } from "../support/db"

const OFFICE = "office@brightside.example"
const ZONE = "Europe/London"
const DAY = 86_400_000

type Customer = SeriesCustomer
type Visit = { id: string; booking_number: string; occurrence: string; status: string; starts_at: string; moved: boolean }
type Series = {
  id: string
  status: string
  frequency_text: string
  rule: string
  starts_on: string
  start_time: string
  next_visits: Visit[]
  dates: { date: string; state: string; booking: Visit | null }[]
}

let admin: string
let service: TestService

const localTime = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(iso))
const localDay = (iso: string) => new Intl.DateTimeFormat("en-CA", { timeZone: ZONE }).format(new Date(iso))
const NEXT_YEAR = new Date().getUTCFullYear() + 1

const customer = (label: string) => customerWithHome(label, "Series")

function seriesBody(who: Customer, startsAt: string, frequency: string, extra: Record<string, unknown> = {}, svc = service) {
  return { service_id: svc.id, variant_id: svc.variants[0].id, starts_at: startsAt, location: { address_id: who.addressId }, frequency, ...extra }
}

async function createSeries(who: Customer, body: Record<string, unknown>): Promise<Series> {
  const response = await api("/store/customers/me/booking-series", { token: who.token, body })
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return response.body.booking_series
}

async function readSeries(who: Customer, id: string): Promise<Series> {
  const response = await api(`/store/customers/me/booking-series/${id}`, { token: who.token })
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return response.body.booking_series
}

/** The series' bookings (any status) as the database holds them. */
const bookingsOf = (seriesId: string) =>
  sql<{ id: string; occurrence: string; starts_at: Date; status: string; order_id: string | null }>(
    "select id, occurrence, starts_at, status, order_id from booking where series_id = $1 and deleted_at is null order by occurrence, created_at",
    [seriesId]
  )

async function emailsTo(to: string, template: string) {
  const { body } = await api(`/admin/notifications?to=${encodeURIComponent(to)}&channel=email&order=-created_at&limit=100&fields=id,template,data`, {
    token: admin,
  })
  return (body.notifications as { template: string; data: Record<string, any> }[]).filter((n) => n.template === template)
}
const emailSaying = (to: string, template: string, text: RegExp) =>
  eventually(async () => {
    const match = (await emailsTo(to, template)).find((n) => text.test(n.data.summary))
    if (!match) throw new Error(`no ${template} email to ${to} saying ${text}`)
    return match
  }, 15_000)

beforeAll(async () => {
  admin = await adminToken()
  // A service of this file's own, every day 07:00–19:00 in two-hour windows, one team, bookable a year ahead.
  service = await createBookableService(admin, { lead_time_hours: 0, capacity: 1, horizon_days: 366 })
}, 120_000)

describe("rules in the business's time zone, booked ahead by the hourly job", () => {
  let dst: { who: Customer; series: Series; lastSunday: string }
  let monthEnd: { who: Customer; series: Series }
  let secondTuesday: { who: Customer; series: Series }

  beforeAll(async () => {
    // The last Sunday of March next year (the clocks go forward), and the Tuesday a week before it.
    const lastSunday = nextWeekday(`${NEXT_YEAR}-03-25`, 0)
    const firstVisit = addDays(lastSunday, -5)
    const dstCustomer = await customer("Dana")
    dst = { who: dstCustomer, lastSunday, series: await createSeries(dstCustomer, seriesBody(dstCustomer, londonInstant(firstVisit, "09:00"), "weekly")) }
    const endCustomer = await customer("Mona")
    monthEnd = {
      who: endCustomer,
      series: await createSeries(endCustomer, seriesBody(endCustomer, londonInstant(`${NEXT_YEAR}-01-31`, "11:00"), "monthly_by_date")),
    }
    // The second Tuesday of February next year.
    const tuesday = addDays(nextWeekday(`${NEXT_YEAR}-02-01`, 2), 7)
    const weekdayCustomer = await customer("Tess")
    secondTuesday = {
      who: weekdayCustomer,
      series: await createSeries(weekdayCustomer, seriesBody(weekdayCustomer, londonInstant(tuesday, "13:00"), "monthly_by_weekday")),
    }
    // Stand a few days before the earliest of them and let the job book 8 weeks ahead; then a few
    // days before the DST series, so its weeks either side of the clock change are booked.
    await runSeriesJob(new Date(`${NEXT_YEAR}-01-28T06:00:00Z`))
    await runSeriesJob(new Date(new Date(`${firstVisit}T06:00:00Z`).getTime() - 3 * DAY))
  }, 300_000)

  it("a weekly 09:00 visit stays at 09:00 London time across the clocks going forward (UTC moves an hour)", async () => {
    const series = await readSeries(dst.who, dst.series.id)
    expect(series.rule).toMatch(/^FREQ=WEEKLY;BYDAY=TU$/)
    expect(series.start_time).toBe("09:00")
    const rows = await bookingsOf(series.id)
    expect(rows.length).toBeGreaterThanOrEqual(8)
    for (const row of rows) expect(localTime(row.starts_at.toISOString())).toBe("09:00")
    const before = rows.find((row) => row.occurrence < dst.lastSunday)!
    const after = rows.find((row) => row.occurrence > dst.lastSunday)!
    expect(before.starts_at.toISOString()).toMatch(/T09:00:00/)
    expect(after.starts_at.toISOString()).toMatch(/T08:00:00/)
    // Weekly: one a week, every one a Tuesday, each in its own date.
    expect(new Set(rows.map((row) => row.occurrence)).size).toBe(rows.length)
    for (const row of rows) expect(new Date(`${row.occurrence}T12:00:00Z`).getUTCDay()).toBe(2)
  })

  it("monthly on the 31st falls on the last day of shorter months", async () => {
    const rows = await bookingsOf(monthEnd.series.id)
    const leap = NEXT_YEAR % 4 === 0
    expect(rows.map((row) => row.occurrence).slice(0, 3)).toEqual([`${NEXT_YEAR}-01-31`, `${NEXT_YEAR}-02-${leap ? 29 : 28}`, `${NEXT_YEAR}-03-31`])
    for (const row of rows) expect(localTime(row.starts_at.toISOString())).toBe("11:00")
    expect(monthEnd.series.frequency_text).toBe("Monthly on the 31st (or the month's last day)")
  })

  it("monthly on the second Tuesday", async () => {
    const rows = await bookingsOf(secondTuesday.series.id)
    expect(rows.length).toBeGreaterThanOrEqual(3)
    for (const row of rows) {
      const day = new Date(`${row.occurrence}T12:00:00Z`)
      expect(day.getUTCDay()).toBe(2)
      expect(Math.ceil(day.getUTCDate() / 7)).toBe(2)
      expect(localDay(row.starts_at.toISOString())).toBe(row.occurrence)
    }
    expect(secondTuesday.series.frequency_text).toBe("Monthly on the second Tuesday")
  })

  it("each visit is a booking through Medusa's cart and order, paid on the day", async () => {
    const rows = await bookingsOf(dst.series.id)
    expect(rows.every((row) => row.status === "confirmed" && row.order_id)).toBe(true)
    const [order] = await sql<{ status: string }>('select status from "order" where id = $1', [rows[0].order_id])
    expect(order.status).toBe("pending")
  })

  it("running the job again, or after a run killed before it finished, books no date twice", async () => {
    const before = await bookingsOf(dst.series.id)
    // A run killed after booking its visits but before recording how far it got.
    await sql("update booking_series set booked_until = starts_on where id = $1", [dst.series.id])
    await runSeriesJob(new Date(new Date(`${dst.series.starts_on}T06:00:00Z`).getTime() - 3 * DAY))
    const after = await bookingsOf(dst.series.id)
    expect(after.map((row) => row.id)).toEqual(before.map((row) => row.id))
  }, 120_000)
})

describe("capacity shared with single bookings", () => {
  it("a series never overfills a window: a full first window is a 409 with nothing written", async () => {
    const twoTeams = await createBookableService(admin, { lead_time_hours: 0, capacity: 2, horizon_days: 366 })
    const first = londonInstant(nextWeekday(ymd(new Date(Date.now() + 9 * DAY)), 3), "15:00")
    const people = [await customer("Ann"), await customer("Ben"), await customer("Cal")]
    const [a, b] = [
      await createSeries(people[0], seriesBody(people[0], first, "weekly", {}, twoTeams)),
      await createSeries(people[1], seriesBody(people[1], first, "weekly", {}, twoTeams)),
    ]
    expect(a.next_visits.length).toBeGreaterThanOrEqual(5)
    expect(b.next_visits.length).toBe(a.next_visits.length)
    const third = await api("/store/customers/me/booking-series", { token: people[2].token, body: seriesBody(people[2], first, "weekly", {}, twoTeams) })
    expect(third.status).toBe(409)
    expect(third.body.message).toMatch(/just been booked/)
    expect(await sql("select id from booking_series where customer_id = $1", [people[2].customer.id])).toEqual([])
    const [over] = await sql<{ count: string }>("select count(*) from service_booked_window where product_id = $1 and booked > 2", [twoTeams.id])
    expect(Number(over.count)).toBe(0)
    const crowded = await sql<{ n: string }>(
      "select count(*) as n from booking where product_id = $1 and status <> 'cancelled' group by starts_at having count(*) > 2",
      [twoTeams.id]
    )
    expect(crowded).toEqual([])
  })

  it("a visit whose usual window is full goes to the nearest free one, and the customer and the office are told", async () => {
    const tuesday = nextWeekday(ymd(new Date(Date.now() + 8 * DAY)), 2)
    const taken = addDays(tuesday, 14)
    // Someone else holds the third Tuesday's 09:00 window (one team).
    const other = await customer("Olly")
    const single = await api("/store/customers/me/bookings", {
      token: other.token,
      body: { service_id: service.id, variant_id: service.variants[0].id, starts_at: londonInstant(taken, "09:00"), location: { address_id: other.addressId } },
    })
    expect(single.status, JSON.stringify(single.body)).toBe(201)
    const who = await customer("Nia")
    const series = await createSeries(who, seriesBody(who, londonInstant(tuesday, "09:00"), "weekly"))
    const moved = series.next_visits.find((visit) => visit.occurrence === taken)!
    expect(moved.moved).toBe(true)
    expect(localDay(moved.starts_at)).toBe(taken)
    expect(["07:00", "11:00"]).toContain(localTime(moved.starts_at))
    expect(series.next_visits.filter((visit) => visit.occurrence !== taken).every((visit) => !visit.moved)).toBe(true)
    await emailSaying(who.email.toLowerCase(), "booking-series-changed", /usual time was full/)
    await emailSaying(OFFICE, "booking-series-changed-office", /usual time was full/)
  })
})

describe("the customer's changes", () => {
  let who: Customer
  let stranger: Customer
  let series: Series

  beforeAll(async () => {
    who = await customer("Fern")
    stranger = await customer("Stan")
    const first = nextWeekday(ymd(new Date(Date.now() + 2 * DAY)), 4)
    series = await createSeries(who, seriesBody(who, londonInstant(first, "11:00"), "every_2_weeks", { count: 10 }))
  }, 60_000)

  it("books the fortnightly visits up to 8 weeks ahead and shows them under the series", async () => {
    expect(series.frequency_text).toMatch(/^Every 2 weeks on Thursday$/)
    expect(series.next_visits.length).toBe(4)
    const gaps = series.next_visits
      .slice(1)
      .map((visit, i) => (new Date(visit.starts_at).getTime() - new Date(series.next_visits[i].starts_at).getTime()) / DAY)
    for (const gap of gaps) expect(Math.round(gap)).toBe(14)
    const list = await api("/store/customers/me/booking-series", { token: who.token })
    expect(list.body.booking_series.map((s: Series) => s.id)).toContain(series.id)
    await emailSaying(OFFICE, "booking-series-changed-office", new RegExp(`Repeat visits set up: ${service.title}`))
  })

  it("another customer's series is not found, for reading and for every change", async () => {
    expect((await api(`/store/customers/me/booking-series/${series.id}`, { token: stranger.token })).status).toBe(404)
    const skip = await api(`/store/customers/me/booking-series/${series.id}/skip`, { token: stranger.token, body: { date: series.next_visits[1].occurrence } })
    expect(skip.status).toBe(404)
    expect((await api("/store/customers/me/booking-series", { token: stranger.token })).body.booking_series).toEqual([])
  })

  it("skips one visit: it is cancelled, its window freed, and the office told", async () => {
    const visit = series.next_visits[1]
    const response = await api(`/store/customers/me/booking-series/${series.id}/skip`, { token: who.token, body: { date: visit.occurrence } })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    const date = response.body.booking_series.dates.find((d: { date: string }) => d.date === visit.occurrence)
    expect(date.state).toBe("skipped")
    const [row] = await sql<{ status: string }>("select status from booking where id = $1", [visit.id])
    expect(row.status).toBe("cancelled")
    await emailSaying(OFFICE, "booking-series-changed-office", new RegExp(`the visit on ${visit.occurrence} is skipped`))
    // Twice is refused in words.
    const again = await api(`/store/customers/me/booking-series/${series.id}/skip`, { token: who.token, body: { date: visit.occurrence } })
    expect(again.status).toBe(409)
    expect(again.body.message).toMatch(/already skipped/)
  })

  it("moves one visit to another free window, as a single booking moves", async () => {
    const visit = series.next_visits[2]
    const to = londonInstant(visit.occurrence, "15:00")
    const response = await api(`/store/customers/me/booking-series/${series.id}/move`, { token: who.token, body: { date: visit.occurrence, starts_at: to } })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    const moved = response.body.booking_series.next_visits.find((v: Visit) => v.occurrence === visit.occurrence)
    expect(moved).toMatchObject({ id: visit.id, moved: true, starts_at: to })
    await eventually(async () => {
      const office = (await emailsTo(OFFICE, "booking-rescheduled-office")).find((n) => n.data.booking_number === visit.booking_number)
      if (!office) throw new Error("no reschedule email yet")
    })
  })

  it("changes time and frequency from a date on: a new series continues, the old one's later visits are cancelled", async () => {
    const from = series.next_visits[2].occurrence
    const response = await api(`/store/customers/me/booking-series/${series.id}/change`, {
      token: who.token,
      body: { from, starts_at: londonInstant(from, "13:00"), frequency: "weekly" },
    })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    const next = response.body.booking_series as Series
    expect(next.id).not.toBe(series.id)
    expect(next.start_time).toBe("13:00")
    expect(next.frequency_text).toBe("Every week on Thursday")
    expect(next.next_visits[0].occurrence).toBe(from)
    expect(next.next_visits.length).toBeGreaterThanOrEqual(3)
    const old = await readSeries(who, series.id)
    expect(old.status).toBe("ended")
    // The old series' visits from that date (the moved one and the one after) are cancelled.
    const oldRows = await bookingsOf(series.id)
    expect(oldRows.filter((row) => row.occurrence >= from).every((row) => row.status === "cancelled")).toBe(true)
    // 10 visits in all: the old series had 2 dates before the change (the skipped one counts).
    const [row] = await sql<{ count: number }>("select count from booking_series where id = $1", [next.id])
    expect(row.count).toBe(8)
    await emailSaying(OFFICE, "booking-series-changed-office", new RegExp(`Repeat visits changed from ${from}`))
    series = next
  })

  it("pauses for a period: the visits in it are cancelled and none are booked", async () => {
    const from = series.next_visits[1].occurrence
    const to = addDays(from, 6)
    const response = await api(`/store/customers/me/booking-series/${series.id}/pause`, { token: who.token, body: { from, to } })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    const states = response.body.booking_series.dates.filter((d: { date: string }) => d.date >= from && d.date <= to).map((d: { state: string }) => d.state)
    expect(states).toEqual(["paused"])
    const [row] = await sql<{ status: string }>("select status from booking where id = $1", [series.next_visits[1].id])
    expect(row.status).toBe("cancelled")
    await emailSaying(OFFICE, "booking-series-changed-office", new RegExp(`paused from ${from} to ${to}`))
    series = response.body.booking_series
  })

  it("refuses changes inside the cut-off, and bad dates, in words", async () => {
    const soon = await customer("Quin")
    const nextWindow = londonInstant(ymd(new Date(Date.now() + DAY)), "17:00")
    const close = await createSeries(soon, seriesBody(soon, nextWindow, "weekly"))
    if (new Date(nextWindow).getTime() - Date.now() < 24 * 3_600_000) {
      const skip = await api(`/store/customers/me/booking-series/${close.id}/skip`, { token: soon.token, body: { date: close.next_visits[0].occurrence } })
      expect(skip.status).toBe(409)
      expect(skip.body.message).toMatch(/can't be changed here any more/)
    }
    const notADate = await api(`/store/customers/me/booking-series/${close.id}/skip`, { token: soon.token, body: { date: addDays(close.starts_on, 3) } })
    expect(notADate.status).toBe(400)
    expect(notADate.body.message).toMatch(/no visit on/)
    const backwards = await api(`/store/customers/me/booking-series/${close.id}/pause`, {
      token: soon.token,
      body: { from: addDays(close.starts_on, 14), to: addDays(close.starts_on, 7) },
    })
    expect(backwards.status).toBe(400)
    expect(backwards.body.message).toMatch(/can't end before it starts/)
  })

  it("ends the series: later visits cancelled, no more booked, ended series can't be changed", async () => {
    const from = series.next_visits[1].occurrence
    const response = await api(`/store/customers/me/booking-series/${series.id}/end`, { token: who.token, body: { from } })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(response.body.booking_series.status).toBe("ended")
    const open = (await bookingsOf(series.id)).filter((row) => row.status !== "cancelled")
    expect(open.every((row) => row.occurrence < from)).toBe(true)
    const again = await api(`/store/customers/me/booking-series/${series.id}/skip`, { token: who.token, body: { date: series.next_visits[0].occurrence } })
    expect(again.status).toBe(409)
    await emailSaying(OFFICE, "booking-series-changed-office", /ended: no visits from/)
  })
})

describe("bad input: a 4xx in words, nothing written", () => {
  it("refuses a series starting in the past, ending before it starts, or with two ends", async () => {
    const who = await customer("Bea")
    const tomorrow = londonInstant(ymd(new Date(Date.now() + 10 * DAY)), "11:00")
    const cases: [Record<string, unknown>, RegExp][] = [
      [seriesBody(who, londonInstant(ymd(new Date(Date.now() - 7 * DAY)), "11:00"), "weekly"), /can't be in the past/],
      [seriesBody(who, tomorrow, "weekly", { until: ymd(new Date(Date.now() + 2 * DAY)) }), /before the first visit/],
      [seriesBody(who, tomorrow, "weekly", { until: ymd(new Date(Date.now() + 60 * DAY)), count: 4 }), /not both/],
      [seriesBody(who, tomorrow, "weekly", { count: 1 }), /count.*at least.*2/],
      [seriesBody(who, tomorrow, "daily"), /weekly, every_2_weeks/],
      [seriesBody(who, tomorrow, "weekly", { until: "2027-02-30" }), /until must be a date/],
      [seriesBody(who, tomorrow, "weekly", { saved_card_id: "pm_x" }), /saved_card_id/],
    ]
    for (const [body, message] of cases) {
      const response = await api("/store/customers/me/booking-series", { token: who.token, body })
      expect(response.status, JSON.stringify(response.body)).toBe(400)
      expect(response.body.message).toMatch(message)
    }
    expect(await sql("select id from booking_series where customer_id = $1", [who.customer.id])).toEqual([])
    expect(await sql("select id from booking where customer_id = $1", [who.customer.id])).toEqual([])
  })
})

describe("a customer archived or blocked mid-series", () => {
  it("has their future visits cancelled at once, orders cancelled, nothing charged, the office told and a line in their history", async () => {
    const who = await customer("Ada")
    const series = await createSeries(who, seriesBody(who, londonInstant(nextWeekday(ymd(new Date(Date.now() + 5 * DAY)), 5), "07:00"), "weekly"))
    expect(series.next_visits.length).toBeGreaterThan(3)
    const archived = await api(`/admin/customers/${who.customer.id}/profile`, { token: admin, body: { status: "archived" } })
    expect(archived.status, JSON.stringify(archived.body)).toBe(200)
    // The office hears of it straight away, not at the rolling job's next run.
    await emailSaying(OFFICE, "booking-series-changed-office", /ended because the account was archived: \d+ upcoming visits? cancelled, nothing charged/)
    const rows = await bookingsOf(series.id)
    expect(rows.every((row) => row.status === "cancelled")).toBe(true)
    // Their orders are cancelled, so nothing is ever charged for them.
    const orders = await sql<{ status: string }>('select status from "order" where id = any($1)', [rows.map((row) => row.order_id)])
    expect(orders.length).toBe(rows.length)
    expect(orders.every((order) => order.status === "canceled")).toBe(true)
    const [state] = await sql<{ status: string; ended_by: string }>("select status, ended_by from booking_series where id = $1", [series.id])
    expect(state).toEqual({ status: "ended", ended_by: "system" })
    const lines = await sql<{ message: string }>("select message from customer_activity where customer_id = $1 and kind = 'series_cancelled_account'", [
      who.customer.id,
    ])
    expect(lines).toHaveLength(1)
    expect(lines[0].message).toMatch(/ended because the account was archived/)
    // The job's next run books nothing for the ended series and tells no one again.
    await runSeriesJob(new Date())
    expect((await bookingsOf(series.id)).every((row) => row.status === "cancelled")).toBe(true)
    expect(await sql("select id from customer_activity where customer_id = $1 and kind = 'series_cancelled_account'", [who.customer.id])).toHaveLength(1)
  }, 120_000)

  it("ends a blocked customer's series the same way, saying the account is on hold", async () => {
    const who = await customer("Bram")
    const series = await createSeries(who, seriesBody(who, londonInstant(nextWeekday(ymd(new Date(Date.now() + 5 * DAY)), 4), "07:00"), "every_2_weeks"))
    const blocked = await api(`/admin/customers/${who.customer.id}/profile`, { token: admin, body: { status: "blocked" } })
    expect(blocked.status, JSON.stringify(blocked.body)).toBe(200)
    await emailSaying(OFFICE, "booking-series-changed-office", /ended because the account is on hold/)
    expect((await bookingsOf(series.id)).every((row) => row.status === "cancelled")).toBe(true)
  }, 120_000)

  it("still ends the series at the job's next run when the customer was deleted", async () => {
    const who = await customer("Cas")
    const series = await createSeries(who, seriesBody(who, londonInstant(nextWeekday(ymd(new Date(Date.now() + 5 * DAY)), 3), "07:00"), "weekly"))
    expect((await api(`/admin/customers/${who.customer.id}`, { token: admin, method: "DELETE" })).status).toBe(200)
    await runSeriesJob(new Date())
    const [state] = await sql<{ status: string; end_reason: string }>("select status, end_reason from booking_series where id = $1", [series.id])
    expect(state).toEqual({ status: "ended", end_reason: "the account was deleted" })
    expect((await bookingsOf(series.id)).every((row) => row.status === "cancelled")).toBe(true)
  }, 120_000)
})

describe("a calendar file of my visits", () => {
  it("lists the customer's visits as RFC 5545 events, repeat visits included, and only theirs", async () => {
    const who = await customer("Cleo")
    const series = await createSeries(who, seriesBody(who, londonInstant(nextWeekday(ymd(new Date(Date.now() + 6 * DAY)), 6), "15:00"), "weekly"))
    const response = await api("/store/customers/me/visits.ics", { token: who.token })
    expect(response.status).toBe(200)
    expect(response.headers["content-type"]).toMatch(/^text\/calendar/)
    const text = String(response.body)
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true)
    for (const visit of series.next_visits) {
      expect(text).toContain(`UID:${visit.id}@`)
      expect(text).toContain(`DTSTART:${visit.starts_at.replace(/[-:]/g, "").replace(/\.\d{3}/, "")}`)
    }
    expect(text.match(/BEGIN:VEVENT/g)?.length).toBe(series.next_visits.length)
    // Someone else's file has none of them.
    const other = await customer("Otto")
    const theirs = String((await api("/store/customers/me/visits.ics", { token: other.token })).body)
    expect(theirs).not.toContain(series.next_visits[0].id)
    expect((await api("/store/customers/me/visits.ics")).status).toBe(401)
  })

  it("gives a private link a calendar app subscribes to without signing in; resetting it stops the old one", async () => {
    const who = await customer("Cara")
    const series = await createSeries(who, seriesBody(who, londonInstant(nextWeekday(ymd(new Date(Date.now() + 6 * DAY)), 5), "15:00"), "weekly"))
    const link = await api("/store/customers/me/calendar-link", { token: who.token })
    expect(link.status, JSON.stringify(link.body)).toBe(200)
    const first: string = link.body.calendar_link.path
    expect(first).toMatch(new RegExp(`^/calendar/${who.customer.id}/1-[A-Za-z0-9_-]{32}\\.ics$`))
    // No session, no key header: what a calendar app sends.
    const feed = await api(first)
    expect(feed.status).toBe(200)
    expect(feed.headers["content-type"]).toMatch(/^text\/calendar/)
    expect(String(feed.body)).toContain(`UID:${series.next_visits[0].id}@`)
    // The key is made for this customer only, and can't be guessed or altered.
    const other = await customer("Otis")
    expect((await api(first.replace(who.customer.id, other.customer.id))).status).toBe(404)
    expect((await api(first.replace(/-(.)/, (_, char: string) => `-${char === "A" ? "B" : "A"}`))).status).toBe(404)
    expect((await api(first.replace("/1-", "/2-"))).status).toBe(404)

    const reset = await api("/store/customers/me/calendar-link/reset", { token: who.token, method: "POST" })
    expect(reset.status, JSON.stringify(reset.body)).toBe(200)
    const second: string = reset.body.calendar_link.path
    expect(second).toMatch(/\/2-[A-Za-z0-9_-]{32}\.ics$/)
    expect((await api(first)).status).toBe(404)
    expect((await api(second)).status).toBe(200)
    const history = await api(`/admin/customers/${who.customer.id}/activity?kind=calendar_link_reset`, { token: await adminToken() })
    expect(history.body.activity.map((line: { message: string }) => line.message)).toEqual([
      "Private calendar link reset: the old link no longer shows the visits.",
    ])
  })
})
