import { model } from "@medusajs/framework/utils"
import { BILLING_FREQUENCIES } from "@fieldservice/contract"

/**
 * How often a customer (or one of their business profiles, when `business_profile_id` is set) is
 * invoiced: per visit, or once a period on one consolidated invoice. A business profile's own row
 * wins over the customer's. One row per customer and profile (a unique index in the migration).
 */
const BillingCycle = model
  .define("billing_cycle", {
    id: model.id({ prefix: "bcyc" }).primaryKey(),
    customer_id: model.text(),
    business_profile_id: model.text().nullable(),
    frequency: model.enum([...BILLING_FREQUENCIES]).default("per_visit"),
    /** Weekly and fortnightly: the weekday the period closes on, 0 Sunday … 6 Saturday. */
    weekday: model.number().nullable(),
    /** Fortnightly: a day (YYYY-MM-DD) a period closed on, to count fortnights from. */
    anchor_date: model.text().nullable(),
    /** Monthly: the day of the month (1–28) the period closes on; null is the month's last day. */
    month_day: model.number().nullable(),
  })
  .indexes([{ on: ["customer_id"] }, { on: ["frequency"] }])

export default BillingCycle
