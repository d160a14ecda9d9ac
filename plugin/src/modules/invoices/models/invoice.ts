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
    /**
     * Who pays it: the customer, or their bill payer (another customer: a letting agency, a head
     * office). Set on every invoice made; null only on rows written by raw SQL before it existed,
     * read as the customer (\`invoicePayerId\`).
     */
    payer_id: model.text().nullable(),
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
    /** A consolidated invoice's payer and period ("cycle:cus_…:-:2027-01-31"): one invoice per payer and period. */
    billing_key: model.text().nullable(),
    /** The billing period a consolidated invoice covers (YYYY-MM-DD, the business's calendar). */
    period_starts_on: model.text().nullable(),
    period_closes_on: model.text().nullable(),
    voided_at: model.dateTime().nullable(),
    void_reason: model.text().nullable(),
    lines: model.hasMany(() => InvoiceLine, { mappedBy: "invoice" }),
    payments: model.hasMany(() => InvoicePayment, { mappedBy: "invoice" }),
    credit_notes: model.hasMany(() => CreditNote, { mappedBy: "invoice" }),
  })
  .indexes([
    { on: ["number"], unique: true, where: "number IS NOT NULL AND deleted_at IS NULL" },
    { on: ["customer_id", "created_at"] },
    { on: ["payer_id", "issued_at"], name: "IDX_invoice_payer_id" },
    { on: ["booking_id"] },
    { on: ["status", "due_at"] },
    // The staff list's sorts and range filters at a million invoices (npm run bench:billing). Its
    // default order, newest first, has an index carrying what the filters test: a migration makes
    // it (Migration20261212090000), as the DSL can't say INCLUDE.
    { on: ["issued_at"] },
    { on: ["due_at"] },
    { on: ["total"] },
    { on: ["number"], name: "IDX_invoice_number_order" },
    { on: ["billing_key"], unique: true, where: "billing_key IS NOT NULL AND deleted_at IS NULL AND status <> 'void'" },
  ])

export default Invoice
