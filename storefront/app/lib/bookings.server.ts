/** The customer's bookings: placing one, listing them, reading one. */

import { apiFetch, asList, errorStatus } from "~/lib/api.server"

export type BookingAddressInput = {
  address_1: string
  address_2: string | null
  city: string
  province: string | null
  postal_code: string
  country_code: string
}

export type PlaceBookingInput = {
  service_id: string
  variant_id: string
  starts_at: string
  /** A saved location, or a new address (the API saves it to the customer's locations under `label`). */
  location: { address_id: string } | { address: BookingAddressInput; label?: string | null }
  contact?: { name?: string | null; email?: string | null; phone?: string | null }
  business_profile_id?: string | null
  additional_contact_id?: string | null
  dependent_ids?: string[]
  instructions?: string | null
  /** One of the customer's saved cards; without one the visit is paid on the day. */
  saved_card_id?: string | null
}

/** One of the customer's bookings (the API's booking record). */
export type CustomerBooking = {
  id: string
  booking_number: string
  status: string
  service_title: string
  option_title: string | null
  starts_at: string
  /** When the work should be done: the arrival plus the service's duration. */
  ends_at: string | null
  location_text: string | null
  /** The address as booked, with the end of the arrival window. */
  location: (Partial<BookingAddressInput> & { window_ends_at?: string | null }) | null
  contact: { name?: string | null; email?: string | null; phone?: string | null } | null
  business_profile_id: string | null
  additional_contact_id: string | null
  dependent_ids: string[]
  instructions: string | null
  order_id: string | null
  /** The saved card the visit is charged to (null: paid on the day). */
  card: { id: string; brand: string; last4: string; exp_month: number; exp_year: number } | null
}

function toCustomerBooking(booking: CustomerBooking): CustomerBooking {
  return {
    ...booking,
    option_title: booking.option_title || null,
    ends_at: booking.ends_at || null,
    location_text: booking.location_text?.trim() || null,
    location: booking.location && typeof booking.location === "object" ? booking.location : null,
    contact: booking.contact && typeof booking.contact === "object" ? booking.contact : null,
    dependent_ids: asList(booking.dependent_ids),
    instructions: booking.instructions?.trim() || null,
    card: booking.card && typeof booking.card === "object" ? booking.card : null,
  }
}

const bookingsPath = (id?: string) => (id === undefined ? "/store/customers/me/bookings" : `/store/customers/me/bookings/${encodeURIComponent(id)}`)

/**
 * Throws ApiError: 400 with a readable message (a time that has passed, a postcode not served),
 * 404 for a location, profile, contact or dependent that isn't the customer's, 409 when the
 * window has just been taken.
 */
export async function placeBooking(token: string, input: PlaceBookingInput): Promise<CustomerBooking> {
  const { booking } = await apiFetch<{ booking: CustomerBooking }>(bookingsPath(), { method: "POST", token, body: input })
  return toCustomerBooking(booking)
}

export type BookingPage = { bookings: CustomerBooking[]; count: number; limit: number; offset: number }

export async function listMyBookings(
  token: string,
  options: { when: "upcoming" | "past"; order?: "asc" | "desc"; limit: number; offset: number }
): Promise<BookingPage> {
  const query: Record<string, string> = {
    when: options.when,
    limit: String(options.limit),
    offset: String(options.offset),
  }
  if (options.order) query.order = options.order
  const result = await apiFetch<Partial<BookingPage>>(bookingsPath(), { token, query })
  return {
    bookings: asList(result.bookings).map(toCustomerBooking),
    count: Number(result.count) || 0,
    limit: Number(result.limit) || options.limit,
    offset: Number(result.offset) || 0,
  }
}

/** One of the customer's bookings, or null (not theirs, or no such booking). */
export async function getMyBooking(token: string, id: string): Promise<CustomerBooking | null> {
  try {
    const { booking } = await apiFetch<{ booking: CustomerBooking }>(bookingsPath(id), { token })
    return toCustomerBooking(booking)
  } catch (error) {
    if (errorStatus(error) === 404) return null
    throw error
  }
}
