import { PROFILE_KINDS, PROFILE_STATUSES } from "@fieldservice/contract"
import { model } from "@medusajs/framework/utils"
import AdditionalContact from "./additional-contact"
import ContactMethod from "./contact-method"

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
  /** More names for the contact ("Jo", "Dr J. Smith"): shown on bookings and found by search. */
  additional_names: model.json().nullable(),
  /** Extra emails and phone/mobile numbers, one primary of each. */
  contact_methods: model.hasMany(() => ContactMethod, { mappedBy: "profile" }),
  /** Other people to reach about the work: a tenant, a site manager. */
  additional_contacts: model.hasMany(() => AdditionalContact, { mappedBy: "profile" }),
  /** The profile picture, stored through Medusa's File module. */
  picture_file_id: model.text().nullable(),
  picture_url: model.text().nullable(),
  /** Invoices go to the booking's address instead of a separate billing address. */
  billing_same_as_booking: model.boolean().default(true),
  // Email preferences: every later email checks these.
  marketing_emails: model.boolean().default(false),
  reminder_emails: model.boolean().default(true),
  /** Rating and review requests after a visit. */
  feedback_emails: model.boolean().default(true),
  // Staff-only: never returned by the store API.
  tax_exempt: model.boolean().default(false),
  /** A special sales-tax rate in percent for this customer; null uses the region's rates. */
  tax_rate_override: model.float().nullable(),
  /** Net days to pay invoices (0, 7, 14, 30 or custom); null uses the company default. */
  payment_terms_days: model.number().nullable(),
  internal_notes: model.text().nullable(),
  /** Staff labels ("VIP", "Commercial"): made up on the fly, filterable in the directory. */
  tags: model.array().default([]),
  /** Part of the private calendar link's key: raised when the customer resets the link, so the old one stops working. */
  calendar_feed_version: model.number().default(1),
})

export default CustomerProfile
