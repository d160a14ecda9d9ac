import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { GIFT_VOUCHER_STATUS_LABELS } from "@fieldservice/contract"
import { Badge, Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { IssueVoucherDrawer } from "../routes/gift-vouchers/components/issue-voucher-drawer"
import { formatMoney } from "../lib/bookings"
import { GIFT_VOUCHER_STATUS_COLORS, useGiftVoucherList } from "../lib/gift-vouchers"

const SHOWN = 5

/** Customer page → "Gift vouchers": those they bought and those in their account; "Issue voucher" gives them one. */
const CustomerGiftVouchersWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const [issuing, setIssuing] = useState(false)
  const { data, isLoading, error } = useGiftVoucherList(new URLSearchParams({ customer_id: customer.id, limit: String(SHOWN) }).toString())
  const vouchers = data?.gift_vouchers ?? []
  return (
    <Container className="divide-y p-0" data-testid="customer-gift-vouchers">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Gift vouchers</Heading>
        <div className="flex items-center gap-x-3">
          <Link
            to={`/gift-vouchers?${new URLSearchParams({ customer_id: customer.id })}`}
            className="txt-compact-small text-ui-fg-interactive"
            data-testid="customer-gift-vouchers-all"
          >
            View all
          </Link>
          <Button size="small" variant="secondary" onClick={() => setIssuing(true)} data-testid="customer-gift-vouchers-issue">
            Issue voucher
          </Button>
        </div>
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        {isLoading ? (
          <Text size="small" className="text-ui-fg-subtle">
            Loading gift vouchers…
          </Text>
        ) : error ? (
          <Text size="small" className="text-ui-fg-error">
            The gift vouchers could not be loaded: {error.message}
          </Text>
        ) : vouchers.length === 0 ? (
          <Text size="small" className="text-ui-fg-subtle" data-testid="customer-gift-vouchers-empty">
            No gift vouchers bought or held.
          </Text>
        ) : (
          vouchers.map((voucher) => (
            <Link
              key={voucher.id}
              to={`/gift-vouchers/${voucher.id}`}
              className="flex items-center justify-between gap-x-2"
              data-testid="customer-gift-vouchers-row"
            >
              <div className="flex min-w-0 flex-col">
                <Text size="small" weight="plus" className="text-ui-fg-interactive font-mono">
                  {voucher.code ?? "Code pending"}
                </Text>
                <Text size="xsmall" className="text-ui-fg-subtle truncate">
                  {voucher.buyer?.id === customer.id ? `Bought for ${voucher.recipient_name || voucher.recipient_email}` : "In their account"} ·{" "}
                  {formatMoney(voucher.balance, voucher.currency_code)} of {formatMoney(voucher.value, voucher.currency_code)} left
                </Text>
              </div>
              <Badge size="2xsmall" color={GIFT_VOUCHER_STATUS_COLORS[voucher.status]}>
                {GIFT_VOUCHER_STATUS_LABELS[voucher.status]}
              </Badge>
            </Link>
          ))
        )}
        {data && data.count > vouchers.length && (
          <Text size="xsmall" className="text-ui-fg-subtle">
            {data.count} vouchers in all
          </Text>
        )}
      </div>
      <IssueVoucherDrawer
        open={issuing}
        onOpenChange={setIssuing}
        customer={{ id: customer.id, name: [customer.first_name, customer.last_name].filter(Boolean).join(" "), email: customer.email }}
      />
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "customer.details.side.after" })

export default CustomerGiftVouchersWidget
