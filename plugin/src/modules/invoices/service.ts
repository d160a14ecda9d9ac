import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { sqlManager } from "../../utils/sql-manager"
import AutomaticPayment from "./models/automatic-payment"
import AutomaticPaymentAttempt from "./models/automatic-payment-attempt"
import BillPayer from "./models/bill-payer"
import BillingCycle from "./models/billing-cycle"
import BillingSettings from "./models/billing-settings"
import CreditNote from "./models/credit-note"
import Invoice from "./models/invoice"
import InvoiceCheckout from "./models/invoice-checkout"
import InvoiceLine from "./models/invoice-line"
import InvoicePayment from "./models/invoice-payment"
import InvoicedVisit from "./models/invoiced-visit"

/** The database sequences numbers come from (created by the module's migration). */
const SEQUENCES = { invoice: "invoice_number_seq", credit_note: "credit_note_number_seq" } as const
export type NumberedDocument = keyof typeof SEQUENCES

/** "INV-{YYYY}-" and 123 issued in 2026 → "INV-2026-000123". */
export const formatDocumentNumber = (prefix: string, sequence: number, issuedAt: Date) =>
  `${prefix.replaceAll("{YYYY}", String(issuedAt.getUTCFullYear()))}${String(sequence).padStart(6, "0")}`

/** Counting stops here: "10,000+ invoices" is as useful as the exact figure at a million and costs far less. */
export const INVOICE_COUNT_CAP = 10_000

export type InvoiceListFilters = {
  status?: string
  overdue?: boolean
  customer_id?: string
  booking_id?: string
  issued_from?: Date
  issued_to?: Date
  min_total?: string
  max_total?: string
}

const OPEN_STATUSES = "('issued', 'partially_paid')"
const LIST_ORDERS = {
  created_at: "created_at ASC, id ASC",
  "-created_at": "created_at DESC, id DESC",
  due_at: "due_at ASC NULLS LAST, id ASC",
  // Descending orders walk their index backwards, which puts drafts (no due date or number) first.
  "-due_at": "due_at DESC NULLS FIRST, id DESC",
  total: "total ASC, id ASC",
  "-total": "total DESC, id DESC",
  number: "number ASC NULLS LAST, id ASC",
  "-number": "number DESC NULLS FIRST, id DESC",
} as const
export type InvoiceListOrder = keyof typeof LIST_ORDERS

/** Where an export stopped: the last row's value in the order's column, and its id. */
export type InvoiceListCursor = { value: string | null; id: string }

/**
 * Rows after the cursor in an order (for exports, which can't page by offset: each page would walk
 * every row before it). Nullable columns sort their nulls last ascending, first descending.
 */
function afterCursor(column: string, descending: boolean, cursor: InvoiceListCursor) {
  const { type, nullable } = ORDER_COLUMNS[column]
  const beyond = descending ? "<" : ">"
  const idBeyond = beyond
  if (cursor.value === null || cursor.value === undefined) {
    // Among the nulls: ascending they are the last rows; descending every non-null row follows them.
    const rest = descending ? ` OR ${column} IS NOT NULL` : ""
    return { clause: `((${column} IS NULL AND id ${idBeyond} ?)${rest})`, params: [cursor.id] }
  }
  const nulls = nullable && !descending ? ` OR ${column} IS NULL` : ""
  return {
    clause: `(${column} ${beyond} ?::${type} OR (${column} = ?::${type} AND id ${idBeyond} ?)${nulls})`,
    params: [cursor.value, cursor.value, cursor.id],
  }
}

/** Each order column's type, for comparing with a cursor kept as text (timestamps keep their microseconds). */
const ORDER_COLUMNS: Record<string, { type: string; nullable: boolean }> = {
  created_at: { type: "timestamptz", nullable: false },
  issued_at: { type: "timestamptz", nullable: true },
  due_at: { type: "timestamptz", nullable: true },
  total: { type: "numeric", nullable: false },
  number: { type: "text", nullable: true },
}

/**
 * The list's ORDER BY. With an issue-date range, "newest" is read by issue date (drafts are
 * outside any range): the range's own index then serves the order instead of a walk down every creation date.
 */
function listOrder(filters: InvoiceListFilters, order: InvoiceListOrder) {
  const byIssueDate = (filters.issued_from || filters.issued_to) && order.endsWith("created_at")
  return byIssueDate ? LIST_ORDERS[order].replaceAll("created_at", "issued_at") : LIST_ORDERS[order]
}

function listWhere(filters: InvoiceListFilters, now: Date) {
  const clauses = ["deleted_at IS NULL"]
  const params: unknown[] = []
  const add = (clause: string, ...values: unknown[]) => {
    clauses.push(clause)
    params.push(...values)
  }
  if (filters.status) add("status = ?", filters.status)
  if (filters.overdue === true) add(`status IN ${OPEN_STATUSES} AND due_at < ?`, now)
  if (filters.overdue === false) add(`NOT (status IN ${OPEN_STATUSES} AND due_at < ?)`, now)
  // A customer's invoices: their visits', and those they pay as someone's bill payer.
  if (filters.customer_id) add("(customer_id = ? OR payer_id = ?)", filters.customer_id, filters.customer_id)
  if (filters.booking_id) add("booking_id = ?", filters.booking_id)
  if (filters.issued_from) add("issued_at >= ?", filters.issued_from)
  if (filters.issued_to) add("issued_at < ?", filters.issued_to)
  if (filters.min_total) add("total >= ?::numeric", filters.min_total)
  if (filters.max_total) add("total <= ?::numeric", filters.max_total)
  return { where: clauses.join(" AND "), params }
}

class InvoicesModuleService extends MedusaService({
  Invoice,
  InvoiceLine,
  InvoicePayment,
  CreditNote,
  BillingSettings,
  InvoiceCheckout,
  BillingCycle,
  InvoicedVisit,
  AutomaticPayment,
  AutomaticPaymentAttempt,
  BillPayer,
}) {
  async getSettings() {
    const [settings] = await this.listBillingSettings({}, { take: 1, order: { created_at: "ASC" } })
    return settings ?? (await this.createBillingSettings({}))
  }

  /**
   * The next number for an invoice or credit note. A sequence never hands out a value twice, even
   * when the transaction that took it rolls back (that leaves a gap, never a repeat).
   */
  /**
   * One page of invoice ids for the staff list, and how many match (counted up to INVOICE_COUNT_CAP):
   * two indexed queries, so it stays fast at a million invoices; the page's records are read after.
   */
  @InjectManager()
  async listInvoicePage(
    filters: InvoiceListFilters,
    page: { order: InvoiceListOrder; limit: number; offset: number },
    now = new Date(),
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ ids: string[]; count: number; count_capped: boolean }> {
    const manager = sqlManager(sharedContext)
    const { where, params } = listWhere(filters, now)
    const order = listOrder(filters, page.order)
    const [rows, counted] = await Promise.all([
      manager.execute(`SELECT id FROM invoice WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`, [...params, page.limit, page.offset]),
      manager.execute(`SELECT count(*)::int AS count FROM (SELECT 1 FROM invoice WHERE ${where} LIMIT ?) matched`, [...params, INVOICE_COUNT_CAP + 1]),
    ])
    const count = Number(counted[0]?.count ?? 0)
    return { ids: rows.map((row) => String(row.id)), count: Math.min(count, INVOICE_COUNT_CAP), count_capped: count > INVOICE_COUNT_CAP }
  }

  /** The next `limit` invoice ids after `cursor` (null: from the start) in the list's order, each with its cursor. */
  @InjectManager()
  async listInvoiceIdsAfter(
    filters: InvoiceListFilters,
    orderName: InvoiceListOrder,
    cursor: InvoiceListCursor | null,
    limit: number,
    now = new Date(),
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; cursor: InvoiceListCursor }[]> {
    const { where, params } = listWhere(filters, now)
    const order = listOrder(filters, orderName)
    const column = order.split(" ")[0]
    const after = cursor ? afterCursor(column, orderName.startsWith("-"), cursor) : null
    const rows = await sqlManager(sharedContext).execute(
      `SELECT id, ${column}::text AS value FROM invoice WHERE ${where}${after ? ` AND ${after.clause}` : ""} ORDER BY ${order} LIMIT ?`,
      [...params, ...(after?.params ?? []), limit]
    )
    return rows.map((row) => ({
      id: String(row.id),
      cursor: { value: row.value === null || row.value === undefined ? null : String(row.value), id: String(row.id) },
    }))
  }

  /**
   * An invoice, its lines and the visits it bills, in one transaction: a process killed half-way
   * leaves all of it or none. A visit already on an invoice that stands, or a second invoice for
   * the same payer and period, breaks a unique index and writes nothing.
   */
  @InjectTransactionManager()
  async createInvoiceWithLines(
    invoice: Record<string, unknown>,
    lines: Record<string, unknown>[],
    bookingIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ) {
    // The payer is set on every invoice: the customer unless a bill payer was given.
    const created = await this.createInvoices({ ...invoice, payer_id: invoice.payer_id ?? invoice.customer_id } as never, sharedContext)
    await this.createInvoiceLines(lines.map((line) => ({ ...line, invoice_id: created.id })) as never, sharedContext)
    if (bookingIds.length) {
      await this.createInvoicedVisits(
        [...new Set(bookingIds)].map((booking_id) => ({ invoice_id: created.id, booking_id })),
        sharedContext
      )
    }
    return created
  }

  /** Many invoices with their lines and visits (a billing run's batch), in one transaction and a few statements. */
  @InjectTransactionManager()
  async createManyInvoicesWithLines(
    entries: { invoice: Record<string, unknown>; lines: Record<string, unknown>[]; booking_ids: string[] }[],
    @MedusaContext() sharedContext: Context = {}
  ) {
    const created = await this.createInvoices(
      entries.map(({ invoice }) => ({ ...invoice, payer_id: invoice.payer_id ?? invoice.customer_id })) as never[],
      sharedContext
    )
    await this.createInvoiceLines(entries.flatMap(({ lines }, i) => lines.map((line) => ({ ...line, invoice_id: created[i].id }))) as never[], sharedContext)
    const visits = entries.flatMap(({ booking_ids }, i) => [...new Set(booking_ids)].map((booking_id) => ({ invoice_id: created[i].id, booking_id })))
    if (visits.length) await this.createInvoicedVisits(visits, sharedContext)
    return created
  }

  /** `count` numbers at once, in the order the sequence gave them. */
  @InjectManager()
  async nextNumbers(kind: NumberedDocument, count: number, issuedAt: Date, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    if (count <= 0) return []
    const settings = await this.getSettings()
    const rows = await sqlManager(sharedContext).execute(`SELECT nextval('${SEQUENCES[kind]}') AS value FROM generate_series(1, ?)`, [count])
    const prefix = kind === "invoice" ? settings.invoice_prefix : settings.credit_note_prefix
    return rows
      .map((row) => Number(row.value))
      .sort((a, b) => a - b)
      .map((value) => formatDocumentNumber(prefix, value, issuedAt))
  }

  @InjectManager()
  async nextNumber(kind: NumberedDocument, issuedAt: Date, @MedusaContext() sharedContext: Context = {}): Promise<string> {
    return (await this.nextNumbers(kind, 1, issuedAt, sharedContext))[0]
  }
}

export default InvoicesModuleService
