import { model } from "@medusajs/framework/utils"

/**
 * What makes a Medusa product a bookable service: how long a visit takes, the "from" price,
 * where it is offered, and when it can be booked. One per product (see links/product-service.ts).
 */
const ServiceDetails = model.define("service_details", {
  id: model.id({ prefix: "svc" }).primaryKey(),
  product_id: model.text().unique(),
  duration_minutes: model.number(),
  /** The lowest price, shown as "from £65" (major units of currency_code). */
  starting_rate: model.bigNumber(),
  currency_code: model.text().default("gbp"),
  /** One line for the services list. */
  summary: model.text().nullable(),
  /**
   * Postcode areas or districts served ("BS", "BA1", "TR26"), upper case without spaces;
   * empty means everywhere.
   */
  service_areas: model.array().default([]),
  /** Length of the arrival windows offered ("between 8:00 and 10:00"). */
  window_minutes: model.number().default(120),
  /** The kinds of dependent the visit is for (a grooming concerns pets); the booking asks which only for these. */
  dependent_type_ids: model.array().default([]),
  /** How many bookings one window can take (teams available at once). */
  capacity: model.number().default(1),
  /** Opening hours in the business's time zone: [{ weekday: 1 (Mon)…7, start: "08:00", end: "17:00" }]. */
  working_hours: model.json(),
  /** The earliest a visit can be booked, in hours from now. */
  lead_time_hours: model.number().default(24),
  /** How far ahead customers can book. */
  horizon_days: model.number().default(28),
})

export default ServiceDetails
