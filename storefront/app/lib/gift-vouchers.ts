import { formatLongDate, formatMoney, type GiftVoucherStatus, type StoreGiftVoucher } from "@fieldservice/contract"

/** The voucher's state in the customer's words. */
const STATUS_TEXT: Record<GiftVoucherStatus, string> = {
  scheduled: "Waiting to be sent",
  active: "Ready to use",
  used: "Used up",
  expired: "Expired",
  disabled: "No longer valid",
}
export const voucherStatusText = (status: GiftVoucherStatus) => STATUS_TEXT[status] ?? status

/** A calendar day (YYYY-MM-DD, the business's) as "5 June 2026": the day itself, whatever the zone. */
export const calendarDayText = (day: string) => formatLongDate(`${day}T12:00:00Z`, "UTC")

/** "today" or "on 5 June 2026", for sentences about the delivery day. */
export const onDayText = (day: string, today: string) => (day === today ? "today" : `on ${calendarDayText(day)}`)

/** "£50 gift voucher" or "Gift voucher for Window cleaning and Oven clean". */
export function voucherTitle(voucher: Pick<StoreGiftVoucher, "kind" | "value" | "currency_code" | "services">): string {
  if (voucher.kind === "amount") return `${formatMoney(voucher.value, voucher.currency_code)} gift voucher`
  const titles = voucher.services.map((service) => service.title)
  const listed = titles.length > 1 ? `${titles.slice(0, -1).join(", ")} and ${titles[titles.length - 1]}` : (titles[0] ?? "services")
  return `Gift voucher for ${listed}`
}

/** When it is (or was) emailed: "Scheduled for 5 June 2026" or "Delivered on 5 June 2026". */
export function deliveryText(voucher: Pick<StoreGiftVoucher, "deliver_on" | "delivered_at">, timeZone: string): string {
  return voucher.delivered_at ? `Delivered on ${formatLongDate(voucher.delivered_at, timeZone)}` : `Scheduled for ${calendarDayText(voucher.deliver_on)}`
}

/** The sum of prices in major units, added as whole pence so no float creeps in. */
export function sumMoney(amounts: number[]): number {
  return amounts.reduce((pence, amount) => pence + Math.round(amount * 100), 0) / 100
}
