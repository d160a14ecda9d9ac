import type { Invoice } from "@fieldservice/contract"
import { Container, Heading, Table, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { formatInvoiceDay, formatMoney } from "../../../../lib/invoices"

/** What was done: each visit's line with its tax, then the totals. */
export function InvoiceLines({ invoice, timeZone }: { invoice: Invoice; timeZone: string }) {
  const money = (amount: number) => formatMoney(amount, invoice.currency_code)
  return (
    <Container className="divide-y p-0" data-testid="invoice-lines">
      <div className="px-6 py-4">
        <Heading level="h2">Lines</Heading>
      </div>
      <div className="relative overflow-x-auto">
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Service</Table.HeaderCell>
              <Table.HeaderCell className="whitespace-nowrap text-right">Qty</Table.HeaderCell>
              <Table.HeaderCell className="whitespace-nowrap text-right">Unit price</Table.HeaderCell>
              <Table.HeaderCell className="whitespace-nowrap text-right">Tax</Table.HeaderCell>
              <Table.HeaderCell className="whitespace-nowrap text-right">Amount</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {invoice.lines.map((line) => (
              <Table.Row key={line.id} data-testid="invoice-line">
                {/* Wide enough to read on a phone: the table scrolls sideways instead. */}
                <Table.Cell className="!h-auto min-w-[220px] py-3">
                  <div className="flex flex-col gap-y-0.5">
                    <Text size="small" weight="plus">
                      {line.description}
                    </Text>
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      {line.booking_id && line.booking_number ? (
                        <Link
                          to={`/bookings/${line.booking_id}`}
                          className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
                          data-testid="invoice-line-booking"
                        >
                          {line.booking_number}
                        </Link>
                      ) : (
                        line.booking_number
                      )}
                      {line.visit_date && ` · visit ${formatInvoiceDay(line.visit_date, timeZone)}`}
                    </Text>
                    {line.visit_address && (
                      <Text size="xsmall" className="text-ui-fg-muted">
                        {line.visit_address}
                      </Text>
                    )}
                  </div>
                </Table.Cell>
                <Table.Cell className="text-right">{line.quantity}</Table.Cell>
                <Table.Cell className="whitespace-nowrap text-right">{money(line.unit_price)}</Table.Cell>
                <Table.Cell className="whitespace-nowrap text-right">
                  {money(line.tax_total)} <span className="text-ui-fg-muted">({line.tax_rate}%)</span>
                </Table.Cell>
                <Table.Cell className="whitespace-nowrap text-right">{money(line.total)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <dl className="flex flex-col gap-y-1 px-6 py-4" data-testid="invoice-totals">
        <TotalRow label="Subtotal" value={money(invoice.subtotal)} />
        <TotalRow label="Tax" value={money(invoice.tax_total)} />
        <TotalRow label="Total" value={money(invoice.total)} strong />
      </dl>
    </Container>
  )
}

export function TotalRow({ label, value, strong, testId }: { label: string; value: string; strong?: boolean; testId?: string }) {
  return (
    <div className="flex items-center justify-between gap-x-4" data-testid={testId}>
      <Text size="small" weight={strong ? "plus" : "regular"} className={strong ? undefined : "text-ui-fg-subtle"} asChild>
        <dt>{label}</dt>
      </Text>
      <Text size="small" weight={strong ? "plus" : "regular"} asChild>
        <dd>{value}</dd>
      </Text>
    </div>
  )
}
