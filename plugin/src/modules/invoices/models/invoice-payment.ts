import { model } from "@medusajs/framework/utils"
import Invoice from "./invoice"

/**
 * Money received against an invoice (or given back: a refund). Card payments keep the Medusa
 * payment and Stripe PaymentIntent they came from; `idempotency_key` records each charge once.
 */
const InvoicePayment = model
  .define("invoice_payment", {
    id: model.id({ prefix: "invpay" }).primaryKey(),
    invoice: model.belongsTo(() => Invoice, { mappedBy: "payments" }),
    kind: model.enum(["payment", "refund"]).default("payment"),
    method: model.enum(["card", "cash", "bank_transfer", "cheque", "gift_voucher", "store_credit"]),
    amount: model.bigNumber(),
    reference: model.text().nullable(),
    paid_at: model.dateTime(),
    card: model.json().nullable(),
    /** The staff member's or customer's id. */
    recorded_by: model.text().nullable(),
    medusa_payment_id: model.text().nullable(),
    stripe_payment_intent_id: model.text().nullable(),
    idempotency_key: model.text().nullable(),
  })
  .indexes([{ on: ["idempotency_key"], unique: true, where: "idempotency_key IS NOT NULL AND deleted_at IS NULL" }])

export default InvoicePayment
