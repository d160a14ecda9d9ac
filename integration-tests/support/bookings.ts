import { randomInt, randomUUID } from "node:crypto"
import { api } from "./api"
import { sql } from "./db"

const SYMBOLS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

/** A fresh booking number in the product's format. */
export const randomBookingNumber = () =>
  `BK-${Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => SYMBOLS[randomInt(SYMBOLS.length)]).join("")).join("-")}`

export type InsertedBooking = { id: string; booking_number: string; starts_at: string; ends_at: string }

/**
 * A booking written straight into the database, for states the portal can't produce on demand
 * (past visits, any status, fixed dates). The admin routes read it like any other booking.
 */
export async function insertBooking(values: {
  email: string
  customer_id?: string | null
  status?: string
  starts_at: string
  minutes?: number
  service_title?: string
  postal_code?: string
  fieldworker_id?: string | null
  contact_name?: string
}): Promise<InsertedBooking> {
  const id = `bkg_test${randomUUID().replace(/-/g, "").slice(0, 20)}`
  const booking_number = randomBookingNumber()
  const starts = new Date(values.starts_at)
  const ends = new Date(starts.getTime() + (values.minutes ?? 120) * 60_000)
  const postcode = values.postal_code ?? "BS6 7QT"
  await sql(
    `insert into booking (id, booking_number, customer_id, email, status, service_title, starts_at, ends_at, location_text, location, contact, fieldworker_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      id,
      booking_number,
      values.customer_id ?? null,
      values.email.toLowerCase(),
      values.status ?? "confirmed",
      values.service_title ?? "Window Cleaning",
      starts.toISOString(),
      ends.toISOString(),
      `14 Larch Avenue, Bristol, ${postcode}`,
      JSON.stringify({ address_1: "14 Larch Avenue", city: "Bristol", postal_code: postcode, country_code: "gb" }),
      JSON.stringify({ name: values.contact_name ?? "Test Contact", email: values.email.toLowerCase(), phone: null }),
      values.fieldworker_id ?? null,
    ]
  )
  return { id, booking_number, starts_at: starts.toISOString(), ends_at: ends.toISOString() }
}

/** A fieldworker through the admin API, with an email no other test uses. */
export async function createFieldworker(token: string, values: { name: string; service_areas?: string[]; active?: boolean; phone?: string }) {
  const email = `${values.name.toLowerCase().replace(/\W+/g, ".")}.${randomUUID().slice(0, 8)}@crew.example.test`
  const response = await api("/admin/fieldworkers", { token, body: { ...values, email } })
  if (response.status !== 201) throw new Error(`creating fieldworker failed: ${response.status} ${JSON.stringify(response.body)}`)
  return response.body.fieldworker as { id: string; name: string; email: string; service_areas: string[]; active: boolean }
}

/** A file attached to a booking, as the File module would have stored it. */
export async function insertAttachment(
  bookingId: string,
  file: { filename: string; url: string; mime_type: string; size_bytes: number; added_by?: string; file_id?: string }
) {
  const id = `batt_test${randomUUID().replace(/-/g, "").slice(0, 20)}`
  await sql(
    `insert into booking_attachment (id, booking_id, file_id, url, filename, mime_type, size_bytes, added_by) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, bookingId, file.file_id ?? `file_${id}`, file.url, file.filename, file.mime_type, file.size_bytes, file.added_by ?? "customer"]
  )
  return id
}

/** The start of the handles of services tests make for themselves, so the demo catalogue can be told apart. */
export const TEST_SERVICE_HANDLE_PREFIX = "test-service-"

export type TestService = { id: string; title: string; variants: { id: string; title: string; price: number }[] }

/**
 * A bookable service of this test's own (so no other file's bookings or settings change what it
 * sees): published in every sales channel, options Small (£40) and Large (£60), open every day
 * 07:00–19:00 in two-hour windows, in the BS area. `lead_time_hours` and `capacity` as given.
 */
export async function createBookableService(
  token: string,
  settings: { lead_time_hours: number; capacity: number; horizon_days?: number }
): Promise<TestService> {
  const channels = (await api("/admin/sales-channels?fields=id", { token })).body.sales_channels as { id: string }[]
  const suffix = randomUUID().slice(0, 6)
  const title = `Gutter Check ${suffix}`
  const sizes = [
    { title: "Large", amount: 60 },
    { title: "Small", amount: 40 },
  ]
  const created = await api("/admin/products", {
    token,
    body: {
      title,
      handle: `${TEST_SERVICE_HANDLE_PREFIX}${suffix}`,
      status: "published",
      options: [{ title: "Size", values: sizes.map((size) => size.title) }],
      variants: sizes.map((size) => ({
        title: size.title,
        options: { Size: size.title },
        manage_inventory: false,
        prices: [{ currency_code: "gbp", amount: size.amount }],
      })),
      sales_channels: channels.map((channel) => ({ id: channel.id })),
    },
  })
  if (created.status !== 200) throw new Error(`creating the product failed: ${created.status} ${JSON.stringify(created.body)}`)
  const id = created.body.product.id as string
  const service = await api(`/admin/products/${id}/service`, {
    token,
    body: {
      duration_minutes: 60,
      currency_code: "gbp",
      window_minutes: 120,
      service_areas: ["BS"],
      working_hours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "07:00", end: "19:00" })),
      horizon_days: settings.horizon_days ?? 30,
      lead_time_hours: settings.lead_time_hours,
      capacity: settings.capacity,
    },
  })
  if (service.status !== 200) throw new Error(`making it a service failed: ${service.status} ${JSON.stringify(service.body)}`)
  return (await api(`/admin/services/${id}`, { token })).body.service as TestService
}
