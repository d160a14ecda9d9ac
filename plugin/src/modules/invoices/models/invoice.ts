import { model } from "@medusajs/framework/utils"
import { INVOICE_STATUSES } from "@fieldservice/contract"
import CreditNote from "./credit-note"
import InvoiceLine from "./invoice-line"
import InvoicePayment from "./invoice-payment"

/**
 * A bill for visits. Once issued it is never edited: it is voided, or corrected with a credit note.
 * Totals are the sums of its lines' rounded amounts, kept as Medusa BigNumbers.
 */
const Invoice = model
  .define("invoice", {
    id: model.id({ prefix: "inv" }).primaryKey(),
    /** Given when issued, from a database sequence, so no number is ever used twice. */
    number: model.text().nullable(),
    status: model.enum([...INVOICE_STATUSES]).default("draft"),
    customer_id: model.text(),
    /** The visit invoiced and its Medusa order (the read-only links follow these). */
    booking_id: model.text().nullable(),
    order_id: model.text().nullable(),
    business_profile_id: model.text().nullable(),
    currency_code: model.text(),
    issued_at: model.dateTime().nullable(),
    due_at: model.dateTime().nullable(),
    /** "company", "customer" or "invoice": which rule set the due date. */
    due_rule: model.text().nullable(),
    terms_days: model.number().nullable(),
    bill_to: model.json(),
    seller: model.json(),
    subtotal: model.bigNumber().default(0),
    tax_total: model.bigNumber().default(0),
    total: model.bigNumber().default(0),
    paid_total: model.bigNumber().default(0),
    credited_total: model.bigNumber().default(0),
    voided_at: model.dateTime().nullable(),
    void_reason: model.text().nullable(),
    lines: model.hasMany(() => InvoiceLine, { mappedBy: "invoice" }),
    payments: model.hasMany(() => InvoicePayment, { mappedBy: "invoice" }),
    credit_notes: model.hasMany(() => CreditNote, { mappedBy: "invoice" }),
  })
  .indexes([
    { on: ["number"], unique: true, where: "number IS NOT NULL AND deleted_at IS NULL" },
    { on: ["customer_id", "created_at"] },
    { on: ["booking_id"] },
    { on: ["status", "due_at"] },
    { on: ["created_at"] },
    // The staff list's sorts and range filters at a million invoices (npm run bench:billing).
    { on: ["issued_at"] },
    { on: ["due_at"] },
    { on: ["total"] },
    { on: ["number"], name: "IDX_invoice_number_order" },
  ])

export default Invoice
