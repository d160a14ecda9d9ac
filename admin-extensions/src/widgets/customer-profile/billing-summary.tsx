import { PAYMENT_METHOD_LABELS } from "@fieldservice/contract"
import { Badge, Button, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { formatInvoiceDay, formatMoney, invoiceBadge, invoiceTitle, useBillingSummary } from "../../lib/invoices"
import { ProfileRow, ProfileSection } from "./section"

/** The customer's money at a glance: terms, what they owe and what is overdue, their last payment and latest invoices. */
export function BillingSummary({ customerId }: { customerId: string }) {
  const { data, isLoading, error } = useBillingSummary(customerId)
  const summary = data?.summary
  // Rendered only with the summary, which comes with the business's time zone.
  const timeZone = data?.time_zone ?? "UTC"
  const money = (amount: number) => formatMoney(amount, summary?.currency_code ?? "gbp")
  return (
    <ProfileSection
      title="Invoices and balance"
      description="What this customer owes on issued invoices."
      testId="customer-billing"
      action={
        <Button size="small" variant="secondary" asChild>
          <Link to={`/statements/${customerId}`} data-testid="customer-billing-statement">
            View statement
          </Link>
        </Button>
      }
    >
      {isLoading && <Text size="small">Loading billing…</Text>}
      {error && (
        <Text size="small" className="text-ui-fg-error">
          Billing could not be loaded: {error.message}
        </Text>
      )}
      {summary && (
        <>
          <ProfileRow label="Terms">
            <Text size="small" data-testid="customer-billing-terms">
              {summary.terms.text}
            </Text>
          </ProfileRow>
          <ProfileRow label="Balance" hint={summary.open_count ? `${summary.open_count} open ${summary.open_count === 1 ? "invoice" : "invoices"}` : undefined}>
            <Text size="small" weight="plus" data-testid="customer-billing-balance">
              {money(summary.balance)}
            </Text>
          </ProfileRow>
          <ProfileRow label="Overdue" hint={summary.overdue_count ? `${summary.overdue_count} past due` : undefined}>
            <Text size="small" weight="plus" className={summary.overdue_total > 0 ? "text-ui-fg-error" : undefined} data-testid="customer-billing-overdue">
              {money(summary.overdue_total)}
            </Text>
          </ProfileRow>
          <ProfileRow label="Last payment">
            <Text size="small" data-testid="customer-billing-last-payment">
              {summary.last_payment
                ? `${money(summary.last_payment.amount)} on ${formatInvoiceDay(summary.last_payment.paid_at, timeZone)} · ${PAYMENT_METHOD_LABELS[summary.last_payment.method]}${summary.last_payment.invoice_number ? ` · ${summary.last_payment.invoice_number}` : ""}`
                : "None yet"}
            </Text>
          </ProfileRow>
          {summary.recent_invoices.length > 0 ? (
            <ul className="flex flex-col divide-y rounded-md border" data-testid="customer-billing-invoices">
              {summary.recent_invoices.map((invoice) => {
                const badge = invoiceBadge(invoice)
                return (
                  <li key={invoice.id}>
                    <Link
                      to={`/invoices/${invoice.id}`}
                      className="hover:bg-ui-bg-base-hover flex items-center justify-between gap-x-3 px-3 py-2"
                      data-testid="customer-billing-invoice"
                    >
                      <span className="flex min-w-0 flex-col">
                        <Text size="small" weight="plus" className="truncate">
                          {invoiceTitle(invoice)}
                        </Text>
                        <Text size="xsmall" className="text-ui-fg-subtle">
                          {invoice.issued_at ? `Issued ${formatInvoiceDay(invoice.issued_at, timeZone)}` : "Not issued"} · {money(invoice.total)}
                        </Text>
                      </span>
                      <Badge size="2xsmall" color={badge.color} className="shrink-0">
                        {badge.label}
                      </Badge>
                    </Link>
                  </li>
                )
              })}
            </ul>
          ) : (
            <Text size="small" className="text-ui-fg-subtle">
              No invoices yet.
            </Text>
          )}
          {summary.invoice_count > 0 && (
            <Link
              to={`/invoices?customer_id=${encodeURIComponent(customerId)}`}
              className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover self-start"
              data-testid="customer-billing-view-all"
            >
              View all {summary.invoice_count} {summary.invoice_count === 1 ? "invoice" : "invoices"}
            </Link>
          )}
        </>
      )}
    </ProfileSection>
  )
}
