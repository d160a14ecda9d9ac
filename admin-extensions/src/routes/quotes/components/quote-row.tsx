import { QUOTE_STATUS_LABELS, type QuoteSummary } from "@fieldservice/contract"
import { Badge, Table } from "@medusajs/ui"
import { formatInvoiceDay, formatMoney } from "../../../lib/invoices"
import { QUOTE_STATUS_COLORS, quoteTitle } from "../../../lib/quotes"

/** One quote in a list: number, title, customer, expiry, total and status; the row opens it. */
export function QuoteRow({ quote, customer, timeZone, onOpen }: { quote: QuoteSummary; customer?: string; timeZone: string; onOpen: () => void }) {
  return (
    <Table.Row className="cursor-pointer" onClick={onOpen} data-testid="quotes-row" data-quote-id={quote.id}>
      <Table.Cell>
        <a
          href={`/app/quotes/${quote.id}`}
          className="txt-compact-small-plus text-ui-fg-interactive whitespace-nowrap"
          // The row opens it; the link is for the keyboard and a new tab.
          onClick={(event) => {
            event.stopPropagation()
            if (!event.metaKey && !event.ctrlKey) {
              event.preventDefault()
              onOpen()
            }
          }}
          data-testid="quotes-row-number"
        >
          {quoteTitle(quote)}
        </a>
      </Table.Cell>
      <Table.Cell className="max-w-[220px] truncate">{quote.title}</Table.Cell>
      {customer !== undefined && <Table.Cell className="max-w-[180px] truncate">{customer}</Table.Cell>}
      <Table.Cell className="whitespace-nowrap">{quote.expires_on ? formatInvoiceDay(`${quote.expires_on}T12:00:00Z`, timeZone) : "–"}</Table.Cell>
      <Table.Cell className="whitespace-nowrap text-right">{formatMoney(quote.total, quote.currency_code)}</Table.Cell>
      <Table.Cell>
        <Badge size="2xsmall" color={QUOTE_STATUS_COLORS[quote.status]} className="whitespace-nowrap" data-testid="quotes-row-status">
          {QUOTE_STATUS_LABELS[quote.status]}
        </Badge>
      </Table.Cell>
    </Table.Row>
  )
}
