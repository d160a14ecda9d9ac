import { model } from "@medusajs/framework/utils"

/** The business's portal switches; one row (the module creates it on first read). */
const PortalSettings = model.define("portal_settings", {
  id: model.id({ prefix: "psets" }).primaryKey(),
  /** When off, sign-up and every login method are closed and invite emails are not sent. */
  portal_enabled: model.boolean().default(true),
  closed_message: model
    .text()
    .default("Our customer portal is closed for maintenance. Please call or email us to book or manage a visit."),
  /** Customers see and manage their dependents/assets (pets, vehicles…) in the portal. */
  dependents_enabled: model.boolean().default(true),
})

export default PortalSettings
