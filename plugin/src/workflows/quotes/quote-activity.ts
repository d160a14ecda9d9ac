import { formatMoney } from "@fieldservice/contract"
import type { ActivityActor } from "../customer-profile/activity"
import type { ActivityEntry } from "../customer-profile/steps/record-activity"

type Named = { id: string; number: string | null; title: string; customer_id: string }

/** One line in the customer's history about a quote, naming it. */
export const quoteActivity = (
  quote: Named,
  kind: string,
  message: string,
  actor: ActivityActor | null | undefined,
  data: Record<string, unknown> = {}
): ActivityEntry => ({
  customer_id: quote.customer_id,
  kind,
  message,
  data: { quote_id: quote.id, number: quote.number, ...data },
  actor: actor ?? null,
})

/** "Quote QUO-2026-000001 (End of tenancy clean)", or the draft's title before it has a number. */
export const quoteLabel = (quote: { number: string | null; title: string }) =>
  quote.number ? `Quote ${quote.number} (${quote.title})` : `Draft quote "${quote.title}"`

/** Who acted, as the quote's own history keeps it: the staff member's email, or null for the system. */
export const eventActor = (actor: ActivityActor | null | undefined) => (actor?.type === "customer" ? "customer" : (actor?.email ?? null))

export const quoteMoney = (quote: { currency_code: string }, amount: unknown) => formatMoney(Number(String(amount)), quote.currency_code)
