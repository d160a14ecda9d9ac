import { model } from "@medusajs/framework/utils"

/** Settings → Customer portal → "Visit reminders"; one row (the module creates it on first read). */
const VisitReminderSettings = model.define("visit_reminder_settings", {
  id: model.id({ prefix: "vrset" }).primaryKey(),
  enabled: model.boolean().default(true),
  /** Whole hours before a visit's start, e.g. [48, 2]; null: the defaults. */
  lead_hours: model.json().nullable(),
})

export default VisitReminderSettings
