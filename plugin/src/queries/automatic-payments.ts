import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type {
  AdminFailedAutomaticPaymentListResponse,
  AutomaticPaymentAttempt,
  AutomaticPaymentAttemptStatus,
  AutomaticPaymentPerson,
  StoreAutomaticPaymentResponse,
} from "@fieldservice/contract"
import { INVOICES_MODULE, type InvoicesModuleService } from "../modules/invoices"
import { listSavedCards } from "../utils/saved-cards"

const iso = (value: Date | string | null | undefined) => (value ? new Date(value).toISOString() : null)

type AttemptRow = {
  id: string
  invoice_id: string
  customer_id: string
  attempt: number
  status: string
  amount?: unknown
  currency_code?: string | null
  card?: unknown
  message?: string | null
  next_retry_at?: Date | string | null
  attempted_at: Date | string
  completed_at?: Date | string | null
}

function attemptOf(row: AttemptRow, numbers: Map<string, string | null>): AutomaticPaymentAttempt {
  const card = row.card as { brand?: string; last4?: string } | null
  return {
    id: row.id,
    invoice_id: row.invoice_id,
    invoice_number: numbers.get(row.invoice_id) ?? null,
    customer_id: row.customer_id,
    attempt: Number(row.attempt),
    status: row.status as AutomaticPaymentAttemptStatus,
    amount: row.amount === null || row.amount === undefined ? null : Number(row.amount),
    currency_code: row.currency_code ?? null,
    card: card?.brand && card.last4 ? { brand: card.brand, last4: card.last4 } : null,
    message: row.message ?? null,
    next_retry_at: iso(row.next_retry_at),
    attempted_at: iso(row.attempted_at)!,
    completed_at: iso(row.completed_at),
    gave_up: row.status === "failed" && !row.next_retry_at,
  }
}

async function invoiceNumbers(container: MedusaContainer, ids: string[]) {
  if (!ids.length) return new Map<string, string | null>()
  const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
  const rows = await invoices.listInvoices({ id: [...new Set(ids)] }, { select: ["id", "number"] })
  return new Map(rows.map((row) => [row.id, row.number ?? null]))
}

/**
 * A customer's automatic payment: whether it is on, who agreed and when, the card it charges now,
 * and the latest tries (newest first), for the portal and the customer page alike.
 */
export async function loadAutomaticPayment(container: MedusaContainer, customerId: string, limit = 10): Promise<StoreAutomaticPaymentResponse> {
  const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
  const [[consent], attempts, saved] = await Promise.all([
    invoices.listAutomaticPayments({ customer_id: customerId }, { take: 1 }),
    invoices.listAutomaticPaymentAttempts({ customer_id: customerId }, { order: { attempted_at: "DESC", attempt: "DESC" }, take: limit }),
    listSavedCards(container, customerId),
  ])
  const card = saved.cards.find((item) => item.id === saved.default_card_id) ?? null
  const numbers = await invoiceNumbers(
    container,
    attempts.map((row) => row.invoice_id)
  )
  return {
    automatic_payment: {
      card_payments: saved.enabled,
      enabled: !!consent?.enabled,
      consented_at: iso(consent?.consented_at),
      consented_by: (consent?.consented_by as AutomaticPaymentPerson | null) ?? null,
      consented_card: consent?.consented_card ?? null,
      turned_off_at: iso(consent?.turned_off_at),
      turned_off_by: (consent?.turned_off_by as AutomaticPaymentPerson | null) ?? null,
      default_card: card ? { id: card.id, brand: card.brand, last4: card.last4, exp_month: card.exp_month, exp_year: card.exp_year } : null,
    },
    attempts: attempts.map((row) => attemptOf(row as unknown as AttemptRow, numbers)),
  }
}

export type FailedAutomaticPaymentFilters = { state: "retrying" | "gave_up" | "all"; customer_id?: string; limit: number; offset: number }

/**
 * Staff's list of failed automatic payments: each invoice still owed whose latest try failed,
 * newest first, still to be tried again or given up on. Two indexed queries and a page of names.
 */
export async function listFailedAutomaticPayments(
  container: MedusaContainer,
  filters: FailedAutomaticPaymentFilters
): Promise<AdminFailedAutomaticPaymentListResponse> {
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const where = [
    "a.status = 'failed'",
    "a.deleted_at IS NULL",
    "i.status IN ('issued', 'partially_paid')",
    "NOT EXISTS (SELECT 1 FROM automatic_payment_attempt b WHERE b.invoice_id = a.invoice_id AND b.attempt > a.attempt AND b.deleted_at IS NULL)",
  ]
  const params: string[] = []
  // A retry is only coming while the payer's automatic payment is still on.
  if (filters.state === "retrying") where.push("a.next_retry_at IS NOT NULL AND c.enabled IS TRUE")
  if (filters.state === "gave_up") where.push("(a.next_retry_at IS NULL OR c.enabled IS NOT TRUE)")
  if (filters.customer_id) {
    where.push("a.customer_id = ?")
    params.push(filters.customer_id)
  }
  const from = `FROM automatic_payment_attempt a JOIN invoice i ON i.id = a.invoice_id AND i.deleted_at IS NULL
    LEFT JOIN automatic_payment c ON c.customer_id = a.customer_id AND c.deleted_at IS NULL WHERE ${where.join(" AND ")}`
  const [rows, counted] = await Promise.all([
    knex.raw(`SELECT a.*, i.number AS invoice_number, c.enabled IS TRUE AS still_on ${from} ORDER BY a.attempted_at DESC, a.id DESC LIMIT ? OFFSET ?`, [
      ...params,
      filters.limit,
      filters.offset,
    ]),
    knex.raw(`SELECT count(*)::int AS count ${from}`, params),
  ])
  const list = rows.rows as (AttemptRow & { invoice_number: string | null; still_on: boolean })[]
  const customers = list.length
    ? await container
        .resolve(Modules.CUSTOMER)
        .listCustomers({ id: [...new Set(list.map((row) => row.customer_id))] }, { select: ["id", "email", "first_name", "last_name", "company_name"] })
    : []
  const byId = new Map(customers.map((customer) => [customer.id, customer]))
  const numbers = new Map(list.map((row) => [row.invoice_id, row.invoice_number]))
  return {
    attempts: list.map((row) => {
      const customer = byId.get(row.customer_id)
      const name = [customer?.first_name, customer?.last_name].filter(Boolean).join(" ") || customer?.company_name || null
      const attempt = attemptOf(row, numbers)
      // Turned off since: no retry is coming, whatever the schedule said.
      if (!row.still_on) Object.assign(attempt, { next_retry_at: null, gave_up: true })
      return { ...attempt, automatic_payment_on: !!row.still_on, customer: { id: row.customer_id, email: customer?.email ?? "", name } }
    }),
    count: Number(counted.rows[0]?.count ?? 0),
    limit: filters.limit,
    offset: filters.offset,
  }
}
