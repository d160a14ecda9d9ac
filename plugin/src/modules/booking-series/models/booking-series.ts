import { SERIES_FREQUENCIES, SERIES_STATUSES } from "@fieldservice/contract"
import { model } from "@medusajs/framework/utils"

/**
 * A visit that repeats: what is booked each time (as a single booking would be), and when, as an
 * RFC 5545 rule over local dates at a local start time in the business's time zone. The visits
 * themselves are bookings carrying `series_id` and their `occurrence` date, booked ahead by the
 * rolling job up to `booked_until`.
 */
const BookingSeries = model
  .define("booking_series", {
    id: model.id({ prefix: "bser" }).primaryKey(),
    customer_id: model.text(),
    status: model.enum([...SERIES_STATUSES]).default("active"),
    frequency: model.enum([...SERIES_FREQUENCIES]),
    /** The RRULE value ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"), expanded over dates from `starts_on`. */
    rule: model.text(),
    /** The first visit's date (YYYY-MM-DD) and the local arrival time ("09:00") of every visit. */
    starts_on: model.text(),
    start_time: model.text(),
    time_zone: model.text(),
    /** The last date a visit may fall on (inclusive), or how many visits in all; neither: no end. */
    until: model.text().nullable(),
    count: model.number().nullable(),
    /** Periods without visits: [{ from, to }] local dates, both included. */
    pauses: model.json().nullable(),
    /** Single visits skipped (local dates), whether or not they were booked yet. */
    skipped: model.array().default([]),
    /** The last date the rolling job has booked visits up to (inclusive). */
    booked_until: model.text().nullable(),
    // What each visit books, as a single booking does.
    product_id: model.text(),
    variant_id: model.text(),
    service_title: model.text(),
    option_title: model.text().nullable(),
    sales_channel_id: model.text().nullable(),
    address_id: model.text(),
    location_text: model.text().nullable(),
    contact: model.json().nullable(),
    business_profile_id: model.text().nullable(),
    additional_contact_id: model.text().nullable(),
    dependent_ids: model.array().default([]),
    instructions: model.text().nullable(),
    /** "customer" or "staff": who set it up. */
    created_by: model.text(),
    /** The series this one continues, when a series was changed from a date on. */
    previous_series_id: model.text().nullable(),
    ended_at: model.dateTime().nullable(),
    ended_by: model.text().nullable(),
    end_reason: model.text().nullable(),
  })
  .indexes([{ on: ["customer_id", "created_at"] }, { on: ["status"] }])

export default BookingSeries
