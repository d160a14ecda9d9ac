import { formatMoney } from "@fieldservice/contract"
import type { CreateNotificationDTO } from "@medusajs/framework/types"
import type { ActivityEntry } from "../customer-profile/steps/record-activity"
import type { ActingOn } from "./steps/customer-action"

type Named = { id: string; number: string | null; title: string; customer_id: string }

export const quoteLabel = (quote: Named) => `Quote ${quote.number ?? ""} (${quote.title})`.replace("  ", " ")
export const quoteMoney = (quote: { currency_code: string }, amount: unknown) => formatMoney(Number(amount), quote.currency_code)

/** One line in the customer's history about their quote; the customer did it in the portal. */
export function quoteActivity(quote: Named, kind: string, message: string, data: Record<string, unknown> = {}): ActivityEntry[] {
  return [
    {
      customer_id: quote.customer_id,
      kind,
      message,
      data: { quote_id: quote.id, number: quote.number, ...data },
      actor: { type: "customer", id: quote.customer_id },
    },
  ]
}

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
        ...(customer.phone ? { customer_phone: customer.phone } : {}),
      },
    },
  ]
}
