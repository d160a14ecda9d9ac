import { model } from "@medusajs/framework/utils"
import Quote from "./quote"

/**
 * The customer's yes: which version, option and optional lines, the typed signature, and the totals
 * as accepted. One per quote (unique), so two tabs accepting at once make one acceptance.
 */
const QuoteAcceptance = model
  .define("quote_acceptance", {
    id: model.id({ prefix: "quoa" }).primaryKey(),
    quote: model.belongsTo(() => Quote, { mappedBy: "acceptance" }),
    version: model.number(),
    option_id: model.text(),
    option_title: model.text(),
    optional_line_ids: model.array().default([]),
    signed_name: model.text(),
    accepted_at: model.dateTime(),
    ip: model.text().nullable(),
    user_agent: model.text().nullable(),
    subtotal: model.bigNumber(),
    tax_total: model.bigNumber(),
    total: model.bigNumber(),
    deposit_amount: model.bigNumber().default(0),
    /** none: no deposit; due: waiting for the card; requires_action: 3-D Secure; paid; failed (may be tried again). */
    deposit_status: model.enum(["none", "due", "requires_action", "paid", "failed"]).default("none"),
    deposit_payment_collection_id: model.text().nullable(),
    deposit_payment_intent_id: model.text().nullable(),
    /** The captured Medusa payment the deposit is, credited later on the visit's invoice. */
    deposit_medusa_payment_id: model.text().nullable(),
    deposit_card: model.json().nullable(),
    /** Why the card failed, in the customer's words. */
    deposit_note: model.text().nullable(),
    deposit_paid_at: model.dateTime().nullable(),
    /** The invoice payment the deposit became, so it is credited once. */
    deposit_invoice_payment_id: model.text().nullable(),
    /** The visit booked from this quote (one per acceptance). */
    booking_id: model.text().nullable(),
    scheduled_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["quote_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["deposit_payment_intent_id"] },
    { on: ["booking_id"], unique: true, where: "booking_id IS NOT NULL AND deleted_at IS NULL" },
  ])

export default QuoteAcceptance
