import { beforeAll, describe, expect, it } from "vitest"
import { adminToken, api } from "../support/api"
import { customerWithHome, londonInstant, nextWeekday, runSeriesJob, type SeriesCustomer, ymd } from "../support/booking-series"
import { createBookableService, type TestService } from "../support/bookings"
import { sql } from "../support/db"
import { bookingInvoice } from "../support/invoices"

/**
 * Issue #18: the rolling job books a series' visits in sets (capacity per window in one
 * statement, each price group's order copied from its first visit's). A visit booked so must be,
 * to everything else, the visit place-booking makes: same booking row, order, line, tax, payment
 * state and links; cancelled and invoiced the same; and a window is never overfilled.
 */

const DAY = 86_400_000
type Customer = SeriesCustomer
type Visit = { id: string; occurrence: string; starts_at: string; moved: boolean }

let admin: string
let service: TestService

const customer = (label: string) => customerWithHome(label, "Sets")

async function weeklySeries(who: Customer, startsAt: string, svc: TestService) {
  const body = { service_id: svc.id, variant_id: svc.variants[0].id, starts_at: startsAt, location: { address_id: who.addressId }, frequency: "weekly" }
  const response = await api("/store/customers/me/booking-series", { token: who.token, body })
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return response.body.booking_series as { id: string; next_visits: Visit[] }
}

/** A booking and its order as the rest of the product reads them, without what differs per visit (ids, numbers, times). */
async function visitAsSeen(bookingId: string) {
  const [booking] = await sql<Record<string, any>>(
    `select status, email, customer_id, service_title, option_title, product_id, variant_id, address_id, location_text, contact, location,
            business_profile_id, additional_contact_id, dependent_ids, instructions, card, series_id, order_id, booking_number,
            extract(epoch from ends_at - starts_at)::int as minutes
       from booking where id = $1`,
    [bookingId]
  )
  const fields =
    "status,email,currency_code,region_id,sales_channel_id,customer_id,total,subtotal,tax_total,payment_status,items.*,items.tax_lines.*,shipping_address.*,payment_collections.*,payment_collections.payments.*,payment_collections.payment_sessions.*"
  const { body } = await api(`/admin/orders/${booking.order_id}?fields=${fields}`, { token: admin })
  const order = body.order
  const item = order.items[0]
  const collection = order.payment_collections[0]
  const [login] = await sql("select provider_metadata from provider_identity where provider = 'booking-number' and entity_id = $1", [booking.booking_number])
  const [line] = await sql<{ message: string; actor_type: string | null }>(
    "select message from customer_activity where customer_id = $1 and kind = 'booking_placed' and data->>'booking_id' = $2",
    [booking.customer_id, bookingId]
  )
  return {
    booking: {
      ...booking,
      order_id: !!booking.order_id,
      booking_number: undefined,
      location: { ...booking.location, window_ends_at: !!booking.location.window_ends_at },
    },
    order: {
      status: order.status,
      email: order.email,
      currency_code: order.currency_code,
      region_id: order.region_id,
      sales_channel_id: order.sales_channel_id,
      customer_id: order.customer_id,
      totals: [order.total, order.subtotal, order.tax_total],
      payment_status: order.payment_status,
      country: order.shipping_address?.country_code ?? null,
      items: order.items.length,
      item: {
        title: item.title,
        subtitle: item.subtitle,
        unit_price: item.unit_price,
        quantity: item.quantity,
        is_tax_inclusive: item.is_tax_inclusive,
        booked: item.metadata.booking_id === bookingId,
      },
      tax_lines: item.tax_lines.map((t: any) => ({ code: t.code, rate: t.rate, provider_id: t.provider_id, tax_rate_id: t.tax_rate_id })),
      collection: {
        status: collection.status,
        amount: collection.amount,
        authorized_amount: collection.authorized_amount,
        captured_amount: collection.captured_amount,
        refunded_amount: collection.refunded_amount,
      },
      sessions: collection.payment_sessions.map((p: any) => ({
        provider_id: p.provider_id,
        amount: p.amount,
        status: p.status,
        authorized: !!p.authorized_at,
      })),
      payments: collection.payments.map((p: any) => ({ provider_id: p.provider_id, amount: p.amount, captured_at: p.captured_at, canceled_at: p.canceled_at })),
    },
    login: !!login,
    placed_line: line?.message.replace(/BK-[A-Z0-9-]+/, "BK-…").replace(/placed: .*, at/, "placed: …, at") ?? null,
  }
}

beforeAll(async () => {
  admin = await adminToken()
  service = await createBookableService(admin, { lead_time_hours: 0, capacity: 2, horizon_days: 366 })
}, 120_000)

describe("a repeat visit booked in sets", () => {
  let who: Customer
  let visits: Visit[]

  beforeAll(async () => {
    who = await customer("Sid")
    // The first visit goes through place-booking; the weeks after it are booked in sets, copying its order.
    const series = await weeklySeries(who, londonInstant(nextWeekday(ymd(new Date(Date.now() + 9 * DAY)), 4), "09:00"), service)
    visits = series.next_visits
    expect(visits.length).toBeGreaterThanOrEqual(5)
  }, 120_000)

  it("has the same booking, order, line, tax, pay-on-the-day payment, login and history line as one placed through place-booking", async () => {
    const first = await visitAsSeen(visits[0].id)
    expect(first.order.payment_status).toBe("authorized")
    expect(first.order.tax_lines.length).toBeGreaterThan(0)
    expect(first.placed_line).toMatch(/^Booking BK-… placed: …, at /)
    for (const visit of visits.slice(1)) expect(await visitAsSeen(visit.id)).toEqual(first)
  })

  it("is cancelled as any visit: its order cancelled, its payment let go, its window freed", async () => {
    const visit = visits[1]
    const skipped = await api(
      `/store/customers/me/booking-series/${(await sql<{ series_id: string }>("select series_id from booking where id = $1", [visit.id]))[0].series_id}/skip`,
      {
        token: who.token,
        body: { date: visit.occurrence },
      }
    )
    expect(skipped.status, JSON.stringify(skipped.body)).toBe(200)
    const [row] = await sql<{ status: string; order_id: string }>("select status, order_id from booking where id = $1", [visit.id])
    expect(row.status).toBe("cancelled")
    const { body } = await api(`/admin/orders/${row.order_id}?fields=status,payment_status`, { token: admin })
    expect(body.order.status).toBe("canceled")
    expect(body.order.payment_status).toBe("canceled")
  })

  it("is invoiced when completed, for the order's total, as the first visit is", async () => {
    const invoices = []
    for (const visit of [visits[0], visits[2]]) {
      const done = await api(`/admin/bookings/${visit.id}/status`, { token: admin, body: { status: "completed", early_finish: true } })
      expect(done.status, JSON.stringify(done.body)).toBe(200)
      invoices.push(await bookingInvoice(admin, visit.id, (invoice) => invoice.status !== "draft"))
    }
    const shape = (invoice: any) => ({
      status: invoice.status,
      total: invoice.total,
      subtotal: invoice.subtotal,
      tax_total: invoice.tax_total,
      balance: invoice.balance,
      lines: invoice.lines.length,
    })
    expect(shape(invoices[1])).toEqual(shape(invoices[0]))
  })
})

describe("capacity, in sets as one by one", () => {
  it("never overfills a window: the job's week for three series in a window of two books two there and moves the third", async () => {
    const threeTeams = await createBookableService(admin, { lead_time_hours: 0, capacity: 3, horizon_days: 366 })
    const friday = nextWeekday(ymd(new Date(Date.now() + 9 * DAY)), 5)
    const people = [await customer("Ada"), await customer("Bo"), await customer("Cy")]
    const series = []
    for (const who of people) series.push(await weeklySeries(who, londonInstant(friday, "13:00"), threeTeams))
    // One team leaves: the job's next week has room for two of the three at 13:00.
    await sql("update service_details set capacity = 2 where product_id = $1", [threeTeams.id])
    await runSeriesJob(new Date(new Date(`${friday}T06:00:00Z`).getTime() + 7 * DAY))
    const week = await sql<{ occurrence: string; moved: boolean }>(
      `select occurrence, to_char(starts_at at time zone 'Europe/London', 'HH24:MI') <> '13:00' as moved from booking
        where series_id = any($1) and status <> 'cancelled' and occurrence = (select max(occurrence) from booking where series_id = any($1))`,
      [series.map((s) => s.id)]
    )
    expect(week.map((visit) => visit.moved).sort()).toEqual([false, false, true])
    const mismatched = await sql(
      `select w.starts_at from service_booked_window w
        where w.product_id = $1 and w.deleted_at is null
          and w.booked <> (select count(*) from booking b where b.product_id = w.product_id and b.starts_at = w.starts_at and b.status <> 'cancelled')`,
      [threeTeams.id]
    )
    expect(mismatched).toEqual([])
  }, 120_000)
})
