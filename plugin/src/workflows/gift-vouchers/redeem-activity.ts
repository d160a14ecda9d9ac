import { formatMoney } from "@fieldservice/contract"
import type { ActivityActor } from "../customer-profile/activity"
import type { ActivityEntry } from "../customer-profile/steps/record-activity"

/** The customer's history lines for a booking paid (partly) with a gift voucher or store credit. */
export function paidWithCreditActivity(input: {
  customer_id: string
  actor: ActivityActor | null
  booking: { id: string; booking_number: string }
  currency_code: string
  code: string | null
  voucher_amount: string | null
  store_credit_amount: string | null
}): ActivityEntry[] {
  const money = (amount: string) => formatMoney(Number(amount), input.currency_code)
  const common = {
    customer_id: input.customer_id,
    data: { booking_id: input.booking.id },
    actor: input.actor ?? { type: "customer" as const, id: input.customer_id },
  }
  const entries: ActivityEntry[] = []
  if (input.code && input.voucher_amount) {
    entries.push({
      ...common,
      kind: "gift_voucher_used",
      message: `Gift voucher …${input.code.slice(-4)} paid ${money(input.voucher_amount)} of booking ${input.booking.booking_number}.`,
    })
  }
  if (input.store_credit_amount) {
    entries.push({
      ...common,
      kind: "store_credit_used",
      message: `Store credit paid ${money(input.store_credit_amount)} of booking ${input.booking.booking_number}.`,
    })
  }
  return entries
}
