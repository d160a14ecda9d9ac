// Bookings: the customer's, /store/customers/me/bookings[/:id[/cancel|/reschedule|/attachments[/:attachment_id]]] and /store/customers/me/booking-price,
// and staff's, /admin/bookings[/:id[/status|/reopen|/customer|/fieldworker|/reschedule|/free-windows|/attachments[/:attachment_id]]].
import type { AdminFieldworker } from "./fieldworkers"
import type { BookingStatus } from "./rules/statuses"

/** A new address for a booking; optional lines clear with null. */
export type StoreBookingAddressInput = {
  address_1: string
  address_2?: string | null
  city: string
  province?: string | null
  postal_code: string
  country_code: string
}

/** Body of POST /store/customers/me/bookings. */
export type StoreCreateBooking = {
  service_id: string
  variant_id: string
  starts_at: string
  /** A saved location, or a new address (the API saves it to the customer's locations under `label`). */
  location: { address_id: string } | { address: StoreBookingAddressInput; label?: string | null }
  contact?: { name?: string | null; email?: string | null; phone?: string | null }
  business_profile_id?: string | null
  additional_contact_id?: string | null
  dependent_ids?: string[]
  instructions?: string | null
  /** One of the customer's saved cards; without one the visit is paid on the day. */
  saved_card_id?: string | null
  /** A gift voucher's code (issue #20): it pays first; the card or the day pays the rest. */
  gift_voucher_code?: string | null
  /** Pay with the customer's store credit (referral rewards) after any voucher. */
  use_store_credit?: boolean | null
}

/** The address as booked, with the end of the arrival window (portal bookings; staff-made ones may have none). */
export type BookingLocation = Partial<StoreBookingAddressInput> & { window_ends_at?: string | null }

/** Who to reach on the day, as given when booking. */
export type BookingContact = { name?: string | null; email?: string | null; phone?: string | null }

/** A gift voucher's part in paying a visit. */
export type BookingVoucher = { amount: number; code_hint: string }

/** The saved card the visit is charged to (never the card number). */
export type BookingCard = { id: string; brand: string; last4: string; exp_month: number; exp_year: number }

/** A booking's own fields, as both APIs send the record (every column, dates as ISO strings). */
export type BaseBooking = {
  id: string
  booking_number: string
  customer_id: string | null
  email: string
  status: BookingStatus
  service_title: string
  starts_at: string
  /** When the work should be done: the arrival plus the service's duration. */
  ends_at: string
  location_text: string | null
  product_id: string | null
  variant_id: string | null
  option_title: string | null
  order_id: string | null
  /** The Medusa cart the visit is paid through (null for bookings made before it was kept). */
  cart_id: string | null
  /** The customer's saved location used (null for a new address kept only on the booking). */
  address_id: string | null
  location: BookingLocation | null
  contact: BookingContact | null
  business_profile_id: string | null
  additional_contact_id: string | null
  dependent_ids: string[]
  instructions: string | null
  fieldworker_id: string | null
  /** Null: paid on the day. */
  card: BookingCard | null
  /** A gift voucher that paid for it (issue #20): what it paid, and the code's last group; the card or the day pays the rest. */
  gift_voucher: BookingVoucher | null
  /** When staff marked the visit completed (null before, and again after an undo). */
  completed_at: string | null
  /** The status it was completed from, which an undo puts back. */
  completed_from: BookingStatus | null
  cancelled_at: string | null
  /** "customer" or "staff". */
  cancelled_by: string | null
  cancellation_reason: string | null
  reschedule_count: number
  /** A visit of a recurring series: the series and the date of the rule it stands for (YYYY-MM-DD); null for single bookings. */
  series_id: string | null
  occurrence: string | null
  /** The accepted quote the visit was booked from (its id and number, QUO-…); null otherwise. */
  quote_id: string | null
  quote_number: string | null
  created_at: string
  updated_at: string
  deleted_at: string | null
}

/** One of the customer's bookings (the booking record). */
export type StoreBooking = BaseBooking

export type StoreBookingListResponse = { bookings: StoreBooking[]; count: number; limit: number; offset: number }
/**
 * The customer's bank wants them to confirm the card payment (3-D Secure): the booking is held
 * (status "requested", its window kept, no order) until Stripe.js's `handleNextAction` with this
 * client secret and POST /store/customers/me/bookings/:id/confirm-payment; let go after 30 minutes.
 */
export type StoreBookingPaymentAction = { status: "requires_action"; client_secret: string }
/** How long a booking waits for the bank's check before it is let go. */
export const HELD_BOOKING_MINUTES = 30

/**
 * POST /store/customers/me/bookings answers 201 with the booking placed, or 202 with the held
 * booking and `payment_action`; POST …/bookings/:id/confirm-payment answers 200 with the booking
 * confirmed, 202 again while the bank's check waits, 402 when the bank said no (the booking let go).
 */
export type StoreBookingResponse = { booking: StoreBooking; payment_action?: StoreBookingPaymentAction | null }

/**
 * POST /store/customers/me/bookings/:id/release-hold ("choose another way to pay"): the held booking
 * let go (`released`, no booking), or, when the bank's check had passed after all, the booking confirmed.
 */
export type StoreBookingHoldReleaseResponse = { booking: StoreBooking | null; released: boolean }

/** A photo or document on the booking (the customer's own, or added by staff). */
export type StoreBookingAttachment = {
  id: string
  url: string
  filename: string
  mime_type: string
  size_bytes: number
  added_by: "customer" | "staff" | string
  created_at: string
}
export type StoreBookingAttachmentResponse = { attachment: StoreBookingAttachment }
/** DELETE /store/customers/me/bookings/:id/attachments/:attachment_id */
export type StoreBookingAttachmentDeleteResponse = { id: string; object: "booking_attachment"; deleted: true }

/** Where to centre the map: the spot itself, or only the postcode's area (no geocoder is called). */
export type BookingMapLocation = {
  latitude: number
  longitude: number
  precision: "address" | "postcode_area"
  zoom: number
  label: string | null
}

/** A visit's price from its order, in the currency's main unit (65 is £65). */
export type BookingPrice = {
  currency_code: string
  /** Each line before tax: `total` is the line's subtotal; the tax is shown once, below the lines. */
  lines: { title: string; quantity: number; unit_price: number; total: number }[]
  subtotal: number
  discount_total: number
  tax_total: number
  total: number
  /** Paid before the visit (the deposit on the quote it was booked from); the rest is what is due. */
  paid_before?: number
  /** Paid with a gift voucher (issue #20): taken off what the card or the day pays. */
  gift_voucher?: number
  /** Paid with store credit (referral rewards), after any voucher. */
  store_credit?: number
}

/**
 * Body of POST /store/customers/me/booking-price: what a booking would cost, before it is placed
 * (the review step). The same choices as placing it, as far as they bear on the price.
 */
export type StoreBookingPriceRequest = Pick<
  StoreCreateBooking,
  "service_id" | "variant_id" | "location" | "business_profile_id" | "gift_voucher_code" | "use_store_credit"
>
/** POST /store/customers/me/booking-price → the lines, tax and total the booking's order will have. */
export type StoreBookingPriceResponse = { price: BookingPrice }

/** GET /store/customers/me/bookings/:id and every change's answer: the record and what the page shows with it. */
export type StoreManagedBooking = StoreBooking & {
  /** The lines, tax and total of the booking's order; null for a booking made without one. */
  price: BookingPrice | null
  /** The service's product handle, for "Book again". */
  service_handle: string | null
  map: BookingMapLocation | null
  attachments: StoreBookingAttachment[]
}

/** What the customer may still change, the business's rules and how to reach the office. */
export type StoreBookingChanges = {
  can_edit: boolean
  can_add_attachments: boolean
  can_cancel: boolean
  can_reschedule: boolean
  cancel_until: string | null
  reschedule_until: string | null
  edit_refusal: string | null
  cancel_refusal: string | null
  reschedule_refusal: string | null
  cancellation_cutoff_hours: number
  reschedule_cutoff_hours: number
  cancellation_policy: string
  office_phone: string | null
  office_email: string | null
}

export type StoreManagedBookingResponse = { booking: StoreManagedBooking; changes: StoreBookingChanges }

export type BookingContactInput = { name: string; email: string; phone: string | null }

export type AdminBookingCustomer = { id: string; name: string | null; email: string; phone: string | null; company_name: string | null }

/** One row of GET /admin/bookings. */
export type AdminBookingListItem = {
  id: string
  booking_number: string
  status: BookingStatus
  service_title: string
  option_title: string | null
  starts_at: string
  ends_at: string
  /** The end of the arrival window (portal bookings); the visit itself ends at ends_at. */
  window_ends_at: string | null
  location_text: string | null
  postcode: string | null
  email: string
  contact_name: string | null
  customer: AdminBookingCustomer | null
  fieldworker: { id: string; name: string; removed: boolean } | null
  order_id: string | null
  attachment_count: number
}
export type AdminBookingListResponse = { bookings: AdminBookingListItem[]; count: number; limit: number; offset: number; time_zone: string }

export type AdminBookingAttachment = {
  id: string
  file_id: string
  url: string
  filename: string
  mime_type: string
  size_bytes: number
  /** "customer" or "staff". */
  added_by: string
  created_at: string
}

/** GET /admin/bookings/:id → `{ booking, time_zone }` (also the answer of every change): the record and who and what it involves. */
export type AdminBooking = BaseBooking & {
  postcode: string | null
  /** The end of the arrival window (portal bookings); the visit itself ends at ends_at. */
  window_ends_at: string | null
  customer: AdminBookingCustomer | null
  fieldworker: (Omit<AdminFieldworker, "created_at" | "updated_at"> & { removed: boolean; covers_postcode: boolean | null }) | null
  order: { id: string; display_id: number; status: string; total: number; currency_code: string } | null
  business_profile: { id: string; name: string; billing_email: string; tax_id: string | null; address_text: string } | null
  additional_contact: { id: string; name: string; role: string | null; emails: string[]; phones: string[] } | null
  dependents: { id: string; name: string; type_label: string | null }[]
  attachments: AdminBookingAttachment[]
  allowed_statuses: BookingStatus[]
  /** Until when "Undo" can reopen this completed visit (null: not completed, or too late). */
  completion_undo_until: string | null
}
export type AdminBookingResponse = { booking: AdminBooking; time_zone: string }

/** Body of POST /admin/bookings/:id/status. */
export type AdminChangeBookingStatusBody = {
  status: BookingStatus
  /** Why it was cancelled (only with "cancelled"). */
  reason?: string | null
  /** Staff confirm the work is done although the arrival window hasn't started yet (only with "completed"). */
  early_finish?: boolean
}

/** Body of POST /admin/bookings/:id/customer: the customer a guest booking belongs to. */
export type AdminLinkBookingCustomerBody = { customer_id: string }

/**
 * Body of POST /admin/bookings/:id: staff change where the visit is (a saved location of the
 * booking's customer, or a new address, saved to their locations under `label`), who to ask for
 * (only the parts sent; an empty phone clears it) and the notes for the team. Send at least one.
 */
export type AdminUpdateBookingBody = {
  location?: StoreCreateBooking["location"]
  contact?: { name?: string; email?: string; phone?: string | null }
  instructions?: string | null
}

/** DELETE /admin/bookings/:id/attachments/:attachment_id → the file is gone; `parent` is the booking as it is now. */
export type AdminBookingAttachmentDeleteResponse = { id: string; object: "booking_attachment"; deleted: true; parent: AdminBooking }
