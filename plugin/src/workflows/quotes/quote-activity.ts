import { formatMoney } from "@fieldservice/contract"
import type { CreateNotificationDTO } from "@medusajs/framework/types"
import type { ActivityActor } from "../customer-profile/activity"
import type { ActivityEntry } from "../customer-profile/steps/record-activity"
import type { ActingOn } from "./steps/customer-action"

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

/** One line in the customer's history about their quote; the customer did it in the portal. */
export const customerQuoteActivity = (quote: Named, kind: string, message: string, data: Record<string, unknown> = {}): ActivityEntry[] => [
  quoteActivity(quote, kind, message, { type: "customer", id: quote.customer_id }, data),
]

/**
 * "Tell the office": the email about what the customer did, sent once the workflow has finished.
 * It names the customer as its receiver, so it shows in their communication log.
 */
export function officeEmail(acting: ActingOn, trigger: string, summary: string, message?: string | null): CreateNotificationDTO[] {
  if (!acting.office) return []
  const { quote, customer } = acting
  return [
    {
      to: acting.office,
      channel: "email",
      template: "quote-customer-action-office",
      receiver_id: customer.id,
      resource_id: quote.id,
      resource_type: "quote",
      trigger_type: trigger,
      data: {
        quote_title: quote.title,
        quote_number: quote.number ?? quote.id,
        summary,
        ...(message ? { message } : {}),
        customer_name: customer.name,
        customer_email: customer.email ?? "",
        admin_url: acting.admin_url,
        ...(customer.phone ? { customer_phone: customer.phone } : {}),
      },
    },
  ]
}
