import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { changeBookingStatusWorkflow, placeBookingWorkflow, type PlaceBookingInput } from "@fieldservice/medusa-portal/workflows"
import { DEMO_BOOKINGS, type DemoBooking } from "./data/bookings"

const DAY = 24 * 60 * 60 * 1000
const HOUR = 60 * 60 * 1000
/** A past visit was booked this long before it. */
const PLACED_BEFORE = 14 * DAY

type SeededBooking = { id: string; booking_number: string; status: string; ends_at: Date | string }

type BookingLister = {
  listBookings: (filters: { booking_number: string[] }, config?: { select: string[] }) => Promise<SeededBooking[]>
}

type WindowFinder = {
  retrieveServiceOf: (productId: string) => Promise<{ duration_minutes: number }>
  freeWindows: (productId: string, from: Date, to: Date, now: Date, by: "customer" | "staff") => Promise<{ starts_at: Date }[]>
}

/**
 * The demo bookings, placed through the same workflow as the portal's and the office's, so each has
 * its Medusa cart, payment (on the day) and order. Times are relative to now: upcoming visits in the
 * first free window from their day, and past visits placed "as of" a fortnight before (the workflow's
 * import input) and then completed at their end. Running it again changes nothing; a past visit left
 * confirmed by an interrupted run is completed.
 */
export async function seedBookings(container: MedusaContainer, customerEmail: string, salesChannelId: string) {
  const bookings = container.resolve("booking") as BookingLister
  const numbers = DEMO_BOOKINGS.map((booking) => booking.booking_number)
  const existing = await bookings.listBookings({ booking_number: numbers })
  for (const demo of DEMO_BOOKINGS.filter((d) => !existing.some((e) => e.booking_number === d.booking_number))) {
    await placeDemoBooking(container, demo, demo.email ?? customerEmail, salesChannelId)
  }
  const placed = await bookings.listBookings({ booking_number: numbers })
  for (const booking of placed) {
    const demo = DEMO_BOOKINGS.find((d) => d.booking_number === booking.booking_number)!
    if (demo.days >= 0 || booking.status !== "confirmed") continue
    await changeBookingStatusWorkflow(container).run({
      input: { booking_id: booking.id, status: "completed", at: new Date(booking.ends_at).toISOString(), actor: { type: "system" } },
    })
  }
}

async function placeDemoBooking(container: MedusaContainer, demo: DemoBooking, email: string, salesChannelId: string) {
  const customers = container.resolve(Modules.CUSTOMER)
  const products = container.resolve(Modules.PRODUCT)
  // The portal account when there is one, else the record the office keeps (Priya, Tom).
  const [customer] = [...(await customers.listCustomers({ email, has_account: true }, { take: 1 })), ...(await customers.listCustomers({ email }, { take: 1 }))]
  const [product] = await products.listProducts({ handle: demo.service }, { relations: ["variants"], take: 1 })
  const variant = product?.variants?.find((v) => v.title === demo.option)
  if (!customer || !product || !variant)
    throw new Error(`Demo booking ${demo.booking_number}: no customer ${email} or service ${demo.service} (${demo.option})`)

  let location: PlaceBookingInput["location"]
  if ("saved" in demo.location) {
    const name = demo.location.saved
    const [address] = await customers.listCustomerAddresses({ customer_id: customer.id, address_name: name }, { take: 1 })
    if (!address) throw new Error(`Demo booking ${demo.booking_number}: ${email} has no saved location "${name}"`)
    location = { address_id: address.id }
  } else {
    location = { address: demo.location.address, label: demo.location.label ?? null }
  }

  let businessProfileId: string | null = null
  if (demo.for_business) {
    const businessProfiles = container.resolve("business_profile") as { listBusinessProfiles: (filters: { customer_id: string }) => Promise<{ id: string }[]> }
    businessProfileId = (await businessProfiles.listBusinessProfiles({ customer_id: customer.id }))[0]?.id ?? null
  }

  const { starts_at, placed_at } = await demoWindow(container, product.id, demo)
  await placeBookingWorkflow(container).run({
    input: {
      customer_id: customer.id,
      sales_channel_id: salesChannelId,
      service_id: product.id,
      variant_id: variant.id,
      starts_at: starts_at.toISOString(),
      location,
      business_profile_id: businessProfileId,
      instructions: demo.instructions ?? null,
      by: demo.by,
      actor: demo.by === "customer" ? { type: "customer", id: customer.id } : { type: "system" },
      imported: { booking_number: demo.booking_number, placed_at: placed_at?.toISOString() ?? null },
    },
  })
}

/**
 * The first window free from the demo's day, as its party could book it then. A past visit's window
 * must have ended by now (with an hour to spare), so completing it is not "finishing early".
 */
async function demoWindow(container: MedusaContainer, productId: string, demo: DemoBooking) {
  const services = container.resolve("services") as WindowFinder
  const now = new Date()
  const from = new Date(now.getTime() + demo.days * DAY)
  const past = demo.days < 0
  const placedAt = past ? new Date(from.getTime() - PLACED_BEFORE) : null
  const { duration_minutes } = await services.retrieveServiceOf(productId)
  const windows = await services.freeWindows(productId, from, new Date(from.getTime() + 7 * DAY), placedAt ?? now, demo.by)
  const window = windows.find((w) => !past || new Date(w.starts_at).getTime() + duration_minutes * 60_000 + HOUR <= now.getTime())
  if (!window) throw new Error(`Demo booking ${demo.booking_number}: no free ${demo.service} window from ${from.toISOString()}`)
  return { starts_at: new Date(window.starts_at), placed_at: placedAt }
}
