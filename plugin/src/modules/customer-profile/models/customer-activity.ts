import { model } from "@medusajs/framework/utils"

export const ACTIVITY_ACTOR_TYPES = ["staff", "customer", "system"] as const
export type ActivityActorType = (typeof ACTIVITY_ACTOR_TYPES)[number]

/**
 * One line of a customer's history on the staff page. Append-only: nothing edits or deletes a
 * line (a failed workflow takes back the lines it wrote). Kept when the thing it talks about is
 * gone: deleting a custom field writes the value it held here, so it stays readable.
 */
const CustomerActivity = model
  .define("customer_activity", {
    id: model.id({ prefix: "cact" }).primaryKey(),
    customer_id: model.text(),
    kind: model.text(),
    message: model.text(),
    data: model.json().nullable(),
    /** The staff member's email, or null for the customer or the system. */
    actor: model.text().nullable(),
    actor_type: model.enum([...ACTIVITY_ACTOR_TYPES]).default("system"),
    /** The staff user's id or the customer's id. */
    actor_id: model.text().nullable(),
    /** What to call them, as it was at the time ("Jane Doe"). */
    actor_name: model.text().nullable(),
    /** For edits, what changed: [{ field, label, before, after }]. */
    changes: model.json().nullable(),
  })
  .indexes([{ on: ["customer_id", "created_at"] }, { on: ["customer_id", "kind", "created_at"] }])

export default CustomerActivity
