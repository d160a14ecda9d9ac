import { Link } from "@remix-run/react"
import { formatLongDate, formatMoney, type StoreGiftVoucher } from "@fieldservice/contract"

import { deliveryText, voucherStatusText, voucherTitle } from "~/lib/gift-vouchers"

/** A voucher in the Gift cards lists: what it is, what is left, its code and when it is sent. */
export function VoucherCard({ voucher, timeZone }: { voucher: StoreGiftVoucher; timeZone: string }) {
  const money = (amount: number) => formatMoney(amount, voucher.currency_code)
  return (
    <li className="profile" data-testid="gift-voucher">
      <h3 className="profile__name">
        <Link to={`/gift-cards/${encodeURIComponent(voucher.id)}`} data-testid="gift-voucher-link">
          {voucherTitle(voucher)}
        </Link>{" "}
        <span className="badge" data-testid="gift-voucher-status">
          {voucherStatusText(voucher.status)}
        </span>
      </h3>
      <dl className="details">
        <dt>Value</dt>
        <dd>{money(voucher.value)}</dd>
        {voucher.status !== "scheduled" ? (
          <>
            <dt>Left to spend</dt>
            <dd data-testid="gift-voucher-balance">{money(voucher.balance)}</dd>
          </>
        ) : null}
        {voucher.code ? (
          <>
            <dt>Code</dt>
            <dd className="voucher-code voucher-code--small" data-testid="gift-voucher-code">
              {voucher.code}
            </dd>
          </>
        ) : null}
        <dt>For</dt>
        <dd>{voucher.recipient_name}</dd>
        <dt>Delivery</dt>
        <dd>{deliveryText(voucher, timeZone)}</dd>
        {voucher.expires_at ? (
          <>
            <dt>{voucher.status === "expired" ? "Expired" : "Expires"}</dt>
            <dd>{formatLongDate(voucher.expires_at, timeZone)}</dd>
          </>
        ) : null}
      </dl>
    </li>
  )
}
