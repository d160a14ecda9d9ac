import { BOOKING_STATUSES } from "@fieldservice/contract"
import { model } from "@medusajs/framework/utils"
import BookingAttachment from "./booking-attachment"

/** A visit booked for a customer. Scheduling, services and payment grow around it. */
const Booking = model
  .define("booking", {
    id: model.id({ prefix: "bkg" }).primaryKey(),
    booking_number: model.text().unique(),
    customer_id: model.text().nullable(),
    email: model.text(),
    status: model.enum([...BOOKING_STATUSES]).default("confirmed"),
    service_title: model.text(),
    starts_at: model.dateTime(),
    ends_at: model.dateTime(),
    location_text: model.text().nullable(),
    // What was booked, through Medusa's cart → payment → order.
    product_id: model.text().nullable(),
    variant_id: model.text().nullable(),
    option_title: model.text().nullable(),
    order_id: model.text().nullable(),
    /** The cart the visit is paid through; a booking held for the bank's check is completed (or let go) from it. */
    cart_id: model.text().nullable(),
    /** The saved location used (null for guest bookings); `location` keeps the address as booked. */
    address_id: model.text().nullable(),
    location: model.json().nullable(),
    /** Who to reach and bill: a snapshot of the contact details, and the business profile if chosen. */
    contact: model.json().nullable(),
    business_profile_id: model.text().nullable(),
    additional_contact_id: model.text().nullable(),
    /** The dependents/assets the job is for (pets, HVAC units…). */
    dependent_ids: model.array().default([]),
    instructions: model.text().nullable(),
    /** The fieldworker (staff member) assigned to the visit. */
    fieldworker_id: model.text().nullable(),
    /** The saved card the booking is charged to: { id, brand, last4, exp_month, exp_year } (no card number). */
    card: model.json().nullable(),
    /** A gift voucher that paid for it: { amount, code_hint } (issue #20). */
    gift_voucher: model.json().nullable(),
    /** When staff marked the visit completed, and the status it had then (an undo puts it back). */
    completed_at: model.dateTime().nullable(),
    completed_from: model.text().nullable(),
    cancelled_at: model.dateTime().nullable(),
    /** "customer" or "staff". */
    cancelled_by: model.text().nullable(),
    cancellation_reason: model.text().nullable(),
    /** How many times the customer moved the visit. */
    reschedule_count: model.number().default(0),
    /** A visit of a recurring series: the series, and the date (YYYY-MM-DD) of the rule it stands for (moved or not). */
    series_id: model.text().nullable(),
    occurrence: model.text().nullable(),
    /** The accepted quote the visit was booked from, and its number (QUO-…), shown on the booking and its invoice. */
    quote_id: model.text().nullable(),
    quote_number: model.text().nullable(),
    attachments: model.hasMany(() => BookingAttachment, { mappedBy: "booking" }),
  })
  .indexes([
    { on: ["email"] },
    { on: ["customer_id", "starts_at"] },
    { on: ["order_id"] },
    { on: ["status", "starts_at"] },
    { on: ["fieldworker_id", "starts_at"] },
    { on: ["quote_id"], where: "quote_id IS NOT NULL" },
    // One booking per series and date: the rolling job can never book one twice.
    { on: ["series_id", "occurrence"], unique: true, where: "series_id IS NOT NULL AND status <> 'cancelled'" },
  ])

export default Booking
