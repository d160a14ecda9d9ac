import { type AdminGiftVoucher, GIFT_VOUCHER_STATUS_LABELS } from "@fieldservice/contract"
import { Badge, Button, Container, Heading, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { Link, useParams } from "react-router-dom"
import { formatMoney } from "../../../lib/bookings"
import { GIFT_VOUCHER_KIND_LABELS, GIFT_VOUCHER_STATUS_COLORS, useGiftVoucher, useUpdateGiftVoucher } from "../../../lib/gift-vouchers"
import { ChangeExpiryDrawer } from "../components/change-expiry-drawer"
import { VoucherHistory } from "../components/voucher-history"

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" }) : "–")
const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString("en-GB", { dateStyle: "medium" }) : "No expiry")

function Person({ label, person, testId }: { label: string; person: AdminGiftVoucher["buyer"]; testId: string }) {
  return (
    <div className="flex flex-col gap-y-1" data-testid={testId}>
      <Text size="xsmall" className="text-ui-fg-subtle">
        {label}
      </Text>
      {person ? (
        <Link to={`/customers/${person.id}`} className="txt-compact-small text-ui-fg-interactive">
          {person.name}
        </Link>
      ) : (
        <Text size="small">–</Text>
      )}
    </div>
  )
}

/** One voucher: code, value and what is left, who bought and holds it, its delivery and ledger; change its expiry, disable or enable it. */
const GiftVoucherPage = () => {
  const { id = "" } = useParams()
  const { data, isLoading, error } = useGiftVoucher(id)
  const update = useUpdateGiftVoucher(id)
  const prompt = usePrompt()
  const [changingExpiry, setChangingExpiry] = useState(false)
  if (isLoading) return <Container>Loading the gift voucher…</Container>
  if (error || !data) return <Container className="text-ui-fg-error">The gift voucher could not be loaded: {error?.message}</Container>
  const voucher = data.gift_voucher
  const disabled = voucher.status === "disabled"

  const toggle = async () => {
    const confirmed = await prompt(
      disabled
        ? { title: "Enable this voucher?", description: "It can be added to an account and used again.", confirmText: "Enable", cancelText: "Cancel" }
        : {
            variant: "danger",
            title: "Disable this voucher?",
            description: "Nobody can add it to their account or pay with it until it is enabled again. The customer is not told.",
            confirmText: "Disable",
            cancelText: "Cancel",
          }
    )
    if (!confirmed) return
    update.mutate(
      { disabled: !disabled },
      {
        onSuccess: () => toast.success(disabled ? "Voucher enabled" : "Voucher disabled"),
        onError: (failure: Error) => toast.error(disabled ? "The voucher was not enabled" : "The voucher was not disabled", { description: failure.message }),
      }
    )
  }

  return (
    <div className="flex flex-col gap-y-3" data-testid="gift-voucher-page">
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-start justify-between gap-4 px-6 py-4">
          <div className="flex flex-col gap-y-1">
            <div className="flex items-center gap-x-2">
              <Heading level="h1" className="font-mono" data-testid="gift-voucher-code">
                {voucher.code ?? "Code pending"}
              </Heading>
              <Badge size="2xsmall" color={GIFT_VOUCHER_STATUS_COLORS[voucher.status]} data-testid="gift-voucher-status">
                {GIFT_VOUCHER_STATUS_LABELS[voucher.status]}
              </Badge>
            </div>
            <Text size="small" className="text-ui-fg-subtle" data-testid="gift-voucher-summary">
              {GIFT_VOUCHER_KIND_LABELS[voucher.kind]} voucher · {formatMoney(voucher.value, voucher.currency_code)} ·{" "}
              {formatMoney(voucher.balance, voucher.currency_code)} left · expires {day(voucher.expires_at)}
            </Text>
          </div>
          <div className="flex flex-wrap gap-2">
            <Button size="small" variant="secondary" disabled={!voucher.code} onClick={() => setChangingExpiry(true)} data-testid="gift-voucher-change-expiry">
              Change expiry
            </Button>
            <Button size="small" variant={disabled ? "secondary" : "danger"} isLoading={update.isPending} onClick={toggle} data-testid="gift-voucher-toggle">
              {disabled ? "Enable" : "Disable"}
            </Button>
          </div>
        </div>
        <div className="grid grid-cols-2 gap-4 px-6 py-4 md:grid-cols-4">
          <div className="flex flex-col gap-y-1" data-testid="gift-voucher-recipient">
            <Text size="xsmall" className="text-ui-fg-subtle">
              For
            </Text>
            <Text size="small">{voucher.recipient_name || "–"}</Text>
            <Text size="xsmall" className="text-ui-fg-subtle">
              {voucher.recipient_email}
            </Text>
          </div>
          <Person label="Bought by" person={voucher.buyer} testId="gift-voucher-buyer" />
          <Person label="In the account of" person={voucher.holder} testId="gift-voucher-holder" />
          <div className="flex flex-col gap-y-1">
            <Text size="xsmall" className="text-ui-fg-subtle">
              Delivery
            </Text>
            <Text size="small" data-testid="gift-voucher-delivery">
              {voucher.delivered_at ? `Emailed ${when(voucher.delivered_at)}` : `To be emailed on ${voucher.deliver_on}`}
            </Text>
          </div>
          {voucher.order_id && (
            <div className="flex flex-col gap-y-1">
              <Text size="xsmall" className="text-ui-fg-subtle">
                Order
              </Text>
              <Link to={`/orders/${voucher.order_id}`} className="txt-compact-small text-ui-fg-interactive">
                View order
              </Link>
            </div>
          )}
          {voucher.issued_by && (
            <div className="flex flex-col gap-y-1">
              <Text size="xsmall" className="text-ui-fg-subtle">
                Issued by
              </Text>
              <Text size="small">{voucher.issued_by.name || voucher.issued_by.email || "Staff"}</Text>
            </div>
          )}
          {voucher.message && (
            <div className="col-span-2 flex flex-col gap-y-1">
              <Text size="xsmall" className="text-ui-fg-subtle">
                Message
              </Text>
              <Text size="small">“{voucher.message}”</Text>
            </div>
          )}
          {voucher.note && (
            <div className="col-span-2 flex flex-col gap-y-1">
              <Text size="xsmall" className="text-ui-fg-subtle">
                Staff note
              </Text>
              <Text size="small">{voucher.note}</Text>
            </div>
          )}
        </div>
        {voucher.services.length > 0 && (
          <div className="px-6 py-4">
            <Text size="small" weight="plus">
              Pays for
            </Text>
            <ul className="txt-compact-small list-disc pl-5">
              {voucher.services.map((service) => (
                <li key={service.variant_id}>
                  {service.title}
                  {service.option_title && service.option_title !== service.title ? ` (${service.option_title})` : ""} ·{" "}
                  {formatMoney(service.price, voucher.currency_code)}
                  {service.booking_id ? " · booked" : ""}
                </li>
              ))}
            </ul>
          </div>
        )}
      </Container>
      <VoucherHistory voucher={voucher} />
      <ChangeExpiryDrawer open={changingExpiry} onOpenChange={setChangingExpiry} voucher={voucher} />
    </div>
  )
}

export default GiftVoucherPage
