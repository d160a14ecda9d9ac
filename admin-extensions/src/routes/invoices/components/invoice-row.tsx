import type { InvoiceSummary } from "@fieldservice/contract"
import { Badge, Table, Text } from "@medusajs/ui"
import { formatInvoiceDay, formatMoney, invoiceBadge, invoiceTitle } from "../../../lib/invoices"

export function InvoiceRow({ invoice, customer, timeZone, onOpen }: { invoice: InvoiceSummary; customer: string; timeZone: string; onOpen: () => void }) {
  const badge = invoiceBadge(invoice)
  return (
    <Table.Row className="cursor-pointer" onClick={onOpen} data-testid="invoices-row" data-invoice-id={invoice.id}>
      <Table.Cell>
        <a
          href={`/app/invoices/${invoice.id}`}
          className="txt-compact-small-plus text-ui-fg-interactive whitespace-nowrap"
          // The row opens it; the link is for the keyboard and a new tab.
          onClick={(event) => {
            event.stopPropagation()
            if (!event.metaKey && !event.ctrlKey) {
              event.preventDefault()
              onOpen()
            }
          }}
          data-testid="invoices-row-number"
        >
          {invoiceTitle(invoice)}
        </a>
      </Table.Cell>
      <Table.Cell className="max-w-[200px] truncate">{customer}</Table.Cell>
      <Table.Cell className="whitespace-nowrap">
        {invoice.issued_at ? (
          formatInvoiceDay(invoice.issued_at, timeZone)
        ) : (
          <Text size="small" className="text-ui-fg-muted">
            Not issued
          </Text>
        )}
      </Table.Cell>
      <Table.Cell className="whitespace-nowrap">{formatInvoiceDay(invoice.due_at, timeZone)}</Table.Cell>
      <Table.Cell className="whitespace-nowrap text-right">{formatMoney(invoice.total, invoice.currency_code)}</Table.Cell>
      <Table.Cell className="whitespace-nowrap text-right" data-testid="invoices-row-balance">
        {formatMoney(invoice.balance, invoice.currency_code)}
      </Table.Cell>
      <Table.Cell>
        <Badge size="2xsmall" color={badge.color} className="whitespace-nowrap" data-testid="invoices-row-status">
          {badge.label}
        </Badge>
      </Table.Cell>
    </Table.Row>
  )
}
