import type { AdminBooking } from "@fieldservice/contract"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { formatMoney, invoiceBadge, invoiceTitle, useInvoiceList } from "../../../../lib/invoices"

/** The visit's invoice (and any voided before it), once the visit is completed. */
export function InvoiceSection({ booking }: { booking: AdminBooking }) {
  const { data, isLoading } = useInvoiceList(new URLSearchParams({ booking_id: booking.id, limit: "5" }).toString())
  const invoices = data?.invoices ?? []
  return (
    <Container className="divide-y p-0" data-testid="booking-invoice">
      <div className="px-6 py-4">
        <Heading level="h2">Invoice</Heading>
      </div>
      {isLoading ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          Loading…
        </Text>
      ) : invoices.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          {booking.status === "completed" ? "No invoice for this visit." : "The visit is invoiced when it is marked completed."}
        </Text>
      ) : (
        invoices.map((invoice) => {
          const badge = invoiceBadge(invoice)
          return (
            <div key={invoice.id} className="flex items-center justify-between gap-x-3 px-6 py-3">
              <div className="flex flex-col">
                <Link
                  to={`/invoices/${invoice.id}`}
                  className="txt-compact-small-plus text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
                  data-testid="booking-invoice-link"
                >
                  {invoiceTitle(invoice)}
                </Link>
                <Text size="small" className="text-ui-fg-subtle">
                  {formatMoney(invoice.total, invoice.currency_code)} · {formatMoney(invoice.balance, invoice.currency_code)} owed
                </Text>
              </div>
              <Badge size="2xsmall" color={badge.color}>
                {badge.label}
              </Badge>
            </div>
          )
        })
      )}
    </Container>
  )
}
