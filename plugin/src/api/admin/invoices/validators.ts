import { z } from "@medusajs/framework/zod"
import { INVOICE_STATUSES, PAYMENT_METHODS, PAYMENT_TERMS } from "@fieldservice/contract"
import { wholeNumber } from "../fieldworkers/validators"

const day = (label: string) => z.iso.date({ error: `${label} must be a date like 2026-12-01` })

/** Money typed by a person: "85", "85.5" or "85.50", more than zero; kept as text so no float ever holds it. */
export const moneyAmount = (label: string) =>
  z
    .union([z.string(), z.number()], { error: `${label} must be an amount such as 85.00` })
    .transform((value) => String(value).trim())
    .refine((value) => /^\d{1,9}(\.\d{1,2})?$/.test(value), `${label} must be an amount such as 85.00`)
    .refine((value) => Number(value) > 0, `${label} must be more than zero`)

export const text = (label: string, max: number) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .refine((value) => value.length > 0, `${label} cannot be empty`)
    .refine((value) => value.length <= max, `${label} must be at most ${max} characters`)

export const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .refine((value) => value.length <= max, `${label} must be at most ${max} characters`)
    .nullish()
    .transform((value) => value || null)

export const INVOICE_SORTS = ["created_at", "-created_at", "due_at", "-due_at", "total", "-total", "number", "-number"] as const

/** The list's filters, shared by the page and its CSV export. */
const filterShape = {
  status: z.enum(INVOICE_STATUSES, { error: `status must be one of ${INVOICE_STATUSES.join(", ")}` }).optional(),
  overdue: z.enum(["true", "false"], { error: "overdue must be true or false" }).optional(),
  customer_id: z.string({ error: "customer_id must be text" }).trim().max(100, "customer_id must be an id").optional(),
  booking_id: z.string({ error: "booking_id must be text" }).trim().max(100, "booking_id must be an id").optional(),
  issued_from: day("issued_from").optional(),
  issued_to: day("issued_to").optional(),
  min_total: moneyAmount("min_total").optional(),
  max_total: moneyAmount("max_total").optional(),
  order: z.enum(INVOICE_SORTS, { error: `order must be one of ${INVOICE_SORTS.join(", ")}` }).default("-created_at"),
}

const datesInOrder = { message: "issued_from must be on or before issued_to", path: ["issued_to"] }
const inOrder = (query: { issued_from?: string; issued_to?: string }) => !query.issued_from || !query.issued_to || query.issued_from <= query.issued_to

/** The staff Invoices list: filters as the issue names them, sorted and paged. */
export const AdminGetInvoicesParams = z
  .object({
    ...filterShape,
    limit: wholeNumber("limit", 1, 200).default(20),
    offset: wholeNumber("offset", 0, 10_000_000).default(0),
  })
  .strict()
  .refine(inOrder, datesInOrder)
export type AdminGetInvoicesParamsType = z.infer<typeof AdminGetInvoicesParams>

/** The Invoices page's CSV: every invoice the same filters match, in the same order. */
export const AdminExportInvoicesParams = z.object(filterShape).strict().refine(inOrder, datesInOrder)
export type AdminExportInvoicesParamsType = z.infer<typeof AdminExportInvoicesParams>

/** A customer's billing card takes no parameters. */
export const AdminGetBillingSummaryParams = z.object({}).strict()

export const AdminIssueInvoice = z.object({ due_date: day("due_date").optional() }).strict()
export type AdminIssueInvoiceType = z.infer<typeof AdminIssueInvoice>

export const AdminVoidInvoice = z.object({ reason: text("reason", 500) }).strict()
export type AdminVoidInvoiceType = z.infer<typeof AdminVoidInvoice>

export const AdminCreateCreditNote = z.object({ amount: moneyAmount("amount"), reason: text("reason", 500) }).strict()
export type AdminCreateCreditNoteType = z.infer<typeof AdminCreateCreditNote>

export const AdminRecordInvoicePayment = z
  .object({
    kind: z.enum(["payment", "refund"], { error: "kind must be payment or refund" }).default("payment"),
    method: z.enum(PAYMENT_METHODS, { error: "method must be cash, bank_transfer, cheque or card" }),
    amount: moneyAmount("amount"),
    reference: optionalText("reference", 200),
    paid_on: day("paid_on").optional(),
    /** Sent again by a retried or double-clicked form, so the money is recorded once. */
    idempotency_key: optionalText("idempotency_key", 100),
  })
  .strict()
export type AdminRecordInvoicePaymentType = z.infer<typeof AdminRecordInvoicePayment>

export const AdminSetInvoiceDueDate = z.object({ due_date: day("due_date") }).strict()
export type AdminSetInvoiceDueDateType = z.infer<typeof AdminSetInvoiceDueDate>

const lines = (label: string) => z.array(text(label, 200), { error: `${label} must be a list of lines` }).max(6, `${label} can have at most 6 lines`)

/** Settings → Billing. */
export const AdminUpdateBillingSettings = z
  .object({
    invoice_prefix: text("invoice_prefix", 20),
    credit_note_prefix: text("credit_note_prefix", 20),
    issue_on_completion: z.boolean({ error: "issue_on_completion must be true or false" }),
    default_terms: z.enum(PAYMENT_TERMS, { error: "default_terms must be on_receipt, net_7, net_14, net_30 or days" }),
    default_terms_days: wholeNumber("default_terms_days", 0, 365).nullable(),
    seller: z
      .object({
        name: text("seller.name", 200),
        address_lines: lines("seller.address_lines"),
        tax_registration_number: optionalText("seller.tax_registration_number", 50),
        bank_details: optionalText("seller.bank_details", 500),
        footer: optionalText("seller.footer", 1000),
        email: optionalText("seller.email", 320),
        phone: optionalText("seller.phone", 40),
      })
      .strict(),
  })
  .partial()
  .strict()
  .refine((body) => body.default_terms !== "days" || (body.default_terms_days ?? 0) > 0, {
    message: 'Give the number of days for "days" terms',
    path: ["default_terms_days"],
  })
export type AdminUpdateBillingSettingsType = z.infer<typeof AdminUpdateBillingSettings>
