import { model } from "@medusajs/framework/utils"

/**
 * One reminder of one visit: a row per booking, lead time and the start it was for, so a moved
 * visit gets reminders of its own and a reminder is never sent twice. `sent_at` stays null until
 * the email went; an unsent row is tried again on the job's next run.
 */
const VisitReminder = model
  .define("visit_reminder", {
    id: model.id({ prefix: "vrem" }).primaryKey(),
    booking_id: model.text(),
    customer_id: model.text(),
    /** Minutes before the start (2880 = two days). */
    lead_minutes: model.number(),
    starts_at: model.dateTime(),
    sent_at: model.dateTime().nullable(),
    /** Tries so far; each try's email has its own idempotency key, so a failed one can be sent again. */
    attempts: model.number().default(0),
  })
  .indexes([{ on: ["booking_id", "lead_minutes", "starts_at"], unique: true }, { on: ["customer_id", "created_at"] }])

export default VisitReminder
