// Staff book for a customer ("New booking", usually on the phone): /admin/services[/:id[/free-windows]],
// /admin/customers/:id/saved-cards, /admin/customers/:id/booking-price and POST /admin/bookings.
import type { BookingPrice, StoreCreateBooking } from "./bookings"
import type { StoreSavedCardListResponse } from "./saved-cards"
import type { StoreService, StoreServiceDetail } from "./services"

/** GET /admin/services: every published service, whichever sales channel sells it. */
export type AdminServiceListResponse = { services: StoreService[] }
/** GET /admin/services/:id (by id or handle), options cheapest first. */
export type AdminServiceDetailResponse = { service: StoreServiceDetail }

/** GET /admin/customers/:id/saved-cards: the customer's cards as Stripe keeps them (never the number). */
export type AdminSavedCardListResponse = StoreSavedCardListResponse

/** Body of POST /admin/bookings: the portal's booking, for the customer named. */
export type AdminCreateBooking = StoreCreateBooking & { customer_id: string }

/** Body of POST /admin/customers/:id/booking-price. */
export type AdminBookingPriceRequest = Pick<StoreCreateBooking, "service_id" | "variant_id" | "location" | "business_profile_id">
export type AdminBookingPriceResponse = { price: BookingPrice }
