import { model } from "@medusajs/framework/utils"

export const PROFILE_KINDS = ["personal", "business"] as const
export const PROFILE_STATUSES = ["active", "blocked", "archived"] as const

export type ProfileKind = (typeof PROFILE_KINDS)[number]
export type ProfileStatus = (typeof PROFILE_STATUSES)[number]

/**
 * What the business knows about a customer beyond Medusa's core customer record.
 * Linked 1:1 to the core customer (see src/links/customer-profile.ts).
 */
const CustomerProfile = model.define("customer_profile", {
  id: model.id({ prefix: "cprof" }).primaryKey(),
  kind: model.enum([...PROFILE_KINDS]).default("personal"),
  status: model.enum([...PROFILE_STATUSES]).default("active"),
  status_changed_at: model.dateTime().nullable(),
  /** Null until the customer proves the email address (sign-up link, invite, social login). */
  email_verified_at: model.dateTime().nullable(),
})

export default CustomerProfile
