import { model } from "@medusajs/framework/utils"

/**
 * One try at paying invoices online from the portal: what is paid (each invoice's balance when the
 * customer pressed Pay), the Medusa payment collection and session charging the card, and how it
 * went. `idempotency_key` (made when the pay page rendered) is unique per customer, so a double
 * click or a second tab finds this attempt again instead of charging twice.
 */
const InvoiceCheckout = model
  .define("invoice_checkout", {
    id: model.id({ prefix: "invco" }).primaryKey(),
    customer_id: model.text(),
    idempotency_key: model.text(),
    /** [{ invoice_id, number, amount }]: amount a decimal string in the currency's main unit. */
    allocations: model.json(),
    amount: model.bigNumber(),
    currency_code: model.text(),
    status: model.enum(["pending", "requires_action", "succeeded", "failed"]).default("pending"),
    payment_collection_id: model.text().nullable(),
    payment_session_id: model.text().nullable(),
    payment_intent_id: model.text().nullable(),
    card: model.json().nullable(),
    /** Why it failed, in the customer's words, or money Stripe took that no invoice could take any more. */
    note: model.text().nullable(),
    completed_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["customer_id", "idempotency_key"], unique: true, where: "deleted_at IS NULL" }, { on: ["payment_intent_id"] }])

export default InvoiceCheckout
