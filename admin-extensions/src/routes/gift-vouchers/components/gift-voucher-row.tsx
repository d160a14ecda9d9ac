import { type AdminGiftVoucherSummary, GIFT_VOUCHER_STATUS_LABELS } from "@fieldservice/contract"
import { Badge, Table } from "@medusajs/ui"
import { formatMoney } from "../../../lib/bookings"
import { GIFT_VOUCHER_STATUS_COLORS } from "../../../lib/gift-vouchers"

const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" }) : "–")

/** One voucher in a list: code, recipient, buyer/holder, expiry, value, what is left, status; the row opens it. */
export function GiftVoucherRow({ voucher, onOpen }: { voucher: AdminGiftVoucherSummary; onOpen: () => void }) {
  const people = [voucher.buyer && `Bought by ${voucher.buyer.name}`, voucher.holder && `Held by ${voucher.holder.name}`].filter(Boolean).join(" · ")
  return (
    <Table.Row className="cursor-pointer" onClick={onOpen} data-testid="gift-vouchers-row" data-voucher-id={voucher.id}>
      <Table.Cell>
        <a
          href={`/app/gift-vouchers/${voucher.id}`}
          className="txt-compact-small-plus text-ui-fg-interactive whitespace-nowrap font-mono"
          // The row opens it; the link is for the keyboard and a new tab.
          onClick={(event) => {
            event.stopPropagation()
            if (!event.metaKey && !event.ctrlKey) {
              event.preventDefault()
              onOpen()
            }
          }}
          data-testid="gift-vouchers-row-code"
        >
          {voucher.code ?? "Code pending"}
        </a>
      </Table.Cell>
      <Table.Cell className="max-w-[200px] truncate">{voucher.recipient_name || voucher.recipient_email || "–"}</Table.Cell>
      <Table.Cell className="max-w-[220px] truncate">{people || "Staff issued"}</Table.Cell>
      <Table.Cell className="whitespace-nowrap">{voucher.status === "scheduled" ? `Sent ${voucher.deliver_on}` : day(voucher.expires_at)}</Table.Cell>
      <Table.Cell className="whitespace-nowrap text-right">{formatMoney(voucher.value, voucher.currency_code)}</Table.Cell>
      <Table.Cell className="whitespace-nowrap text-right">{formatMoney(voucher.balance, voucher.currency_code)}</Table.Cell>
      <Table.Cell>
        <Badge size="2xsmall" color={GIFT_VOUCHER_STATUS_COLORS[voucher.status]} className="whitespace-nowrap" data-testid="gift-vouchers-row-status">
          {GIFT_VOUCHER_STATUS_LABELS[voucher.status]}
        </Badge>
      </Table.Cell>
    </Table.Row>
  )
}
