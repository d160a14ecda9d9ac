import { model } from "@medusajs/framework/utils"

/** The business's portal switches; one row (the module creates it on first read). */
const PortalSettings = model.define("portal_settings", {
  id: model.id({ prefix: "psets" }).primaryKey(),
  /** When off, sign-up and every login method are closed and invite emails are not sent. */
  portal_enabled: model.boolean().default(true),
  closed_message: model.text().default("Our customer portal is closed for maintenance. Please call or email us to book or manage a visit."),
  /** Customers see and manage their dependents/assets (pets, vehicles…) in the portal. */
  dependents_enabled: model.boolean().default(true),
  /** Customers can cancel a booking in the portal until this many hours before its arrival window. */
  cancellation_cutoff_hours: model.number().default(24),
  /** Customers can move a booking to another time until this many hours before its arrival window. */
  reschedule_cutoff_hours: model.number().default(24),
  /** The fee and refund rules, in the business's words, shown before a customer cancels or reschedules. */
  cancellation_policy: model
    .text()
    .default(
      "Cancelling or rescheduling before the cut-off is free, and anything you have paid for the visit is refunded in full. After the cut-off, please contact our office: a late cancellation may be charged a call-out fee."
    ),
  /** The office's phone number, in the portal's footer and wherever customers are asked to get in touch. */
  office_phone: model.text().nullable(),
  /** The office's email, shown beside the phone; when unset, the plugin's `businessEmail` option. */
  office_email: model.text().nullable(),
  /** Per event, a portal notification and an email (contract NoticeSettings); null: the defaults. */
  notices: model.json().nullable(),
})

export default PortalSettings
