import { model } from "@medusajs/framework/utils"

/**
 * One automatic charge of one invoice: attempt 1 on the due date, then the retries. Unique per
 * invoice and attempt number, and its charge made through an invoice checkout keyed
 * `automatic:<invoice>:<attempt>`, so two runs (or two workers) charge an attempt once.
 * `charging` is an attempt a run started and didn't finish (a killed process): the next run resumes it.
 */
const AutomaticPaymentAttempt = model
  .define("automatic_payment_attempt", {
    id: model.id({ prefix: "apatt" }).primaryKey(),
    invoice_id: model.text(),
    /** Whose consent and card it used (the invoice's payer). */
    customer_id: model.text(),
    attempt: model.number(),
    status: model.enum(["charging", "succeeded", "failed"]).default("charging"),
    idempotency_key: model.text(),
    checkout_id: model.text().nullable(),
    amount: model.bigNumber().nullable(),
    currency_code: model.text().nullable(),
    card: model.json().nullable(),
    /** Stripe's reason for a decline, as it words it. */
    message: model.text().nullable(),
    /** When the next try is due; null once it succeeded or the last retry failed. */
    next_retry_at: model.dateTime().nullable(),
    attempted_at: model.dateTime(),
    completed_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["invoice_id", "attempt"], unique: true, where: "deleted_at IS NULL" },
    { on: ["customer_id", "attempted_at"] },
    { on: ["status", "attempted_at"] },
  ])

export default AutomaticPaymentAttempt
