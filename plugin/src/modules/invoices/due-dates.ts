import type { DueDateRule, PaymentTerms } from "@fieldservice/contract"
import { addDays, type LocalDate, localDateOf, zonedTime } from "../services/time-zone"

const TERM_DAYS: Record<Exclude<PaymentTerms, "days">, number> = { on_receipt: 0, net_7: 7, net_14: 14, net_30: 30 }

export type CompanyTerms = { default_terms: PaymentTerms; default_terms_days: number | null }

/** Days the company's default terms give. */
export const companyTermDays = (terms: CompanyTerms): number =>
  terms.default_terms === "days" ? Math.max(0, terms.default_terms_days ?? 0) : TERM_DAYS[terms.default_terms]

/** The last minute of a day in the business's calendar: an invoice is overdue only once its due day has passed. */
export const endOfLocalDay = (day: LocalDate, timeZone: string): Date => new Date(zonedTime(day, 23 * 60 + 59, timeZone).getTime() + 59_999)

/**
 * The due date's rule, most specific first: a day set on the invoice, the customer's payment
 * terms, then the company default. Days are whole days of the business's calendar.
 */
export function dueDateFor(
  issuedAt: Date,
  company: CompanyTerms,
  customerTermsDays: number | null | undefined,
  invoiceDueDay: LocalDate | null,
  timeZone: string
): { due_at: Date; due_rule: DueDateRule; terms_days: number | null } {
  if (invoiceDueDay) return { due_at: endOfLocalDay(invoiceDueDay, timeZone), due_rule: "invoice", terms_days: null }
  const customer = customerTermsDays ?? null
  const days = customer ?? companyTermDays(company)
  return {
    due_at: endOfLocalDay(addDays(localDateOf(issuedAt, timeZone), days), timeZone),
    due_rule: customer === null ? "company" : "customer",
    terms_days: days,
  }
}

const termsText = (days: number) => (days === 0 ? "Due on receipt" : `Net ${days}`)

/** The rule in words, for the invoice page: "Net 14, the customer's payment terms". */
export function dueRuleText(rule: DueDateRule | null, termsDays: number | null): string | null {
  if (!rule) return null
  if (rule === "invoice") return "Set on this invoice"
  const terms = termsText(termsDays ?? 0)
  return rule === "customer" ? `${terms}, the customer's payment terms` : `${terms}, the company's default terms`
}
