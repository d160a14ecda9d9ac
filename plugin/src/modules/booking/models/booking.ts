import { model } from "@medusajs/framework/utils"

export const BOOKING_STATUSES = ["requested", "confirmed", "in_progress", "completed", "cancelled"] as const

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
  })
  .indexes([{ on: ["email"] }, { on: ["customer_id"] }])

export default Booking
