import type { QuoteDeposit, QuoteDepositStatus } from "@fieldservice/contract"
import { Badge, Text } from "@medusajs/ui"
import { adminLocale } from "../../../lib/directory"
import { formatMoney } from "../../../lib/invoices"

const LABELS: Record<QuoteDepositStatus, string> = {
  none: "No deposit",
  due: "Deposit due",
  requires_action: "Deposit waiting for the customer's bank",
  paid: "Deposit paid",
  failed: "Deposit failed",
}
const COLORS: Record<QuoteDepositStatus, "grey" | "orange" | "green" | "red"> = {
  none: "grey",
  due: "orange",
  requires_action: "orange",
  paid: "green",
  failed: "red",
}

/** The accepted quote's deposit as the office needs it: status, amount, card, Stripe's id and when it was paid (or why not). */
export function QuoteDepositSummary({ deposit, currencyCode, timeZone }: { deposit: QuoteDeposit | null; currencyCode: string; timeZone: string }) {
  if (!deposit) return null
  const when = (iso: string) => new Intl.DateTimeFormat(adminLocale(), { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso))
  return (
    <div className="flex flex-col gap-y-1 pt-2" data-testid="quote-deposit" data-status={deposit.status}>
      <div className="flex items-center gap-x-2">
        <Badge size="2xsmall" color={COLORS[deposit.status]} data-testid="quote-deposit-status">
          {LABELS[deposit.status]}
        </Badge>
        <Text size="small" weight="plus">
          {formatMoney(deposit.amount, currencyCode)}
        </Text>
      </div>
      <Text size="small" className="text-ui-fg-subtle">
        {[
          deposit.card ? `${deposit.card.brand} •••• ${deposit.card.last4}` : null,
          deposit.payment_intent_id ? `Stripe ${deposit.payment_intent_id}` : null,
          deposit.paid_at ? `paid ${when(deposit.paid_at)}` : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      </Text>
      {deposit.status === "failed" && deposit.message && (
        <Text size="small" className="text-ui-fg-error">
          {deposit.message}
        </Text>
      )}
    </div>
  )
}
