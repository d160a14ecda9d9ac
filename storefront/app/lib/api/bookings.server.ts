/** The customer's bookings: placing one, listing them, reading one. */

import { apiFetch, asList, errorStatus } from "~/lib/api/api.server"
import type {
  StoreBooking as CustomerBooking,
  StoreBookingResponse,
  StoreBookingHoldReleaseResponse,
  StoreCreateBooking as PlaceBookingInput,
  StoreBookingListResponse as BookingPage,
  StoreBookingPriceRequest as BookingPriceInput,
  StoreBookingPriceResponse,
  StoreManagedBookingResponse,
} from "@fieldservice/contract"

/** Tidies what the portal shows of a booking record (also for the managed booking, which adds to it). */
export function toCustomerBooking<Booking extends CustomerBooking>(booking: Booking): Booking {
  return {
    ...booking,
    option_title: booking.option_title || null,
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
export async function placeBooking(token: string, input: PlaceBookingInput): Promise<PlacedBooking> {
  const { booking, payment_action } = await apiFetch<StoreBookingResponse>(bookingsPath(), { method: "POST", token, body: input })
  return { booking: toCustomerBooking(booking), clientSecret: payment_action?.client_secret ?? null }
}

/** A booking placed, or held while the customer's bank wants them to confirm the card payment (`clientSecret` for Stripe.js). */
export type PlacedBooking = { booking: CustomerBooking; clientSecret: string | null }

/** "Choose another way to pay": the held booking let go (null), or confirmed when the bank's check had passed after all. */
export async function releaseBookingHold(token: string, bookingId: string): Promise<CustomerBooking | null> {
  const { booking } = await apiFetch<StoreBookingHoldReleaseResponse>(`${bookingsPath(bookingId)}/release-hold`, { method: "POST", token, body: {} })
  return booking ? toCustomerBooking(booking) : null
}

/**
 * After the bank's 3-D Secure check in the browser: confirmed (no `clientSecret`), or still waiting.
 * Throws ApiError 402 when the bank said no (the booking is let go), 404 for a booking not the customer's.
 */
export async function confirmBookingPayment(token: string, bookingId: string): Promise<PlacedBooking> {
  const { booking, payment_action } = await apiFetch<StoreBookingResponse>(`${bookingsPath(bookingId)}/confirm-payment`, { method: "POST", token, body: {} })
  return { booking: toCustomerBooking(booking), clientSecret: payment_action?.client_secret ?? null }
}

/**
 * What the booking on the review step will cost (lines, tax, total), priced as its order will be.
 * Throws ApiError as placing it would (400 a choice that can't be booked, 404 not the customer's).
 */
export async function previewBookingPrice(token: string, input: BookingPriceInput) {
  const { price } = await apiFetch<StoreBookingPriceResponse>("/store/customers/me/booking-price", { method: "POST", token, body: input })
  return price
}

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
export async function getMyBooking(token: string, id: string): Promise<StoreManagedBookingResponse["booking"] | null> {
  try {
    const { booking } = await apiFetch<StoreManagedBookingResponse>(bookingsPath(id), { token })
    return toCustomerBooking(booking)
  } catch (error) {
    if (errorStatus(error) === 404) return null
    throw error
  }
}
