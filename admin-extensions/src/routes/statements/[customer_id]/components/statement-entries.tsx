import { formatMoney, STATEMENT_ENTRY_LABELS, type AccountStatement } from "@fieldservice/contract"
import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { adminLocale } from "../../../../lib/directory"
import { formatPeriodDay, formatStatementDate } from "../../../../lib/statements"

const KIND_COLORS = { invoice: "blue", credit_note: "purple", payment: "green", refund: "orange" } as const

/** Balance brought forward, each entry with the running balance, then the closing balance. */
export function StatementEntries({ statement }: { statement: AccountStatement }) {
  const locale = adminLocale()
  const money = (amount: number) => formatMoney(amount, statement.currency_code)
  const blank = <span className="text-ui-fg-muted">—</span>
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Entries</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {formatPeriodDay(statement.period.from, locale)} to {formatPeriodDay(statement.period.to, locale)}. Void invoices are left out.
        </Text>
      </div>
      <div className="overflow-x-auto">
        <Table data-testid="statement-entries">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Date</Table.HeaderCell>
              <Table.HeaderCell>Type</Table.HeaderCell>
              <Table.HeaderCell>Reference</Table.HeaderCell>
              <Table.HeaderCell>Details</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Debit</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Credit</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Balance</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            <Table.Row>
              <Table.Cell className="whitespace-nowrap">{formatPeriodDay(statement.period.from, locale)}</Table.Cell>
              <Table.Cell />
              <Table.Cell />
              <Table.Cell>Balance brought forward</Table.Cell>
              <Table.Cell />
              <Table.Cell />
              <Table.Cell className="text-right whitespace-nowrap">{money(statement.opening_balance)}</Table.Cell>
            </Table.Row>
            {statement.entries.map((entry) => (
              <Table.Row key={`${entry.kind}-${entry.id}`} data-testid="statement-entry" data-kind={entry.kind}>
                <Table.Cell className="whitespace-nowrap">{formatStatementDate(entry.date, locale, statement.time_zone)}</Table.Cell>
                <Table.Cell>
                  <Badge size="2xsmall" color={KIND_COLORS[entry.kind]}>
                    {STATEMENT_ENTRY_LABELS[entry.kind]}
                  </Badge>
                </Table.Cell>
                <Table.Cell className="whitespace-nowrap">{entry.reference || blank}</Table.Cell>
                <Table.Cell className="max-w-72 truncate" title={entry.description}>
                  {entry.description}
                </Table.Cell>
                <Table.Cell className="text-right whitespace-nowrap">{entry.debit ? money(entry.debit) : blank}</Table.Cell>
                <Table.Cell className="text-right whitespace-nowrap">{entry.credit ? money(entry.credit) : blank}</Table.Cell>
                <Table.Cell className="text-right whitespace-nowrap">{money(entry.balance)}</Table.Cell>
              </Table.Row>
            ))}
            {statement.entries.length === 0 && (
              <Table.Row>
                <Table.Cell />
                <Table.Cell />
                <Table.Cell />
                <Table.Cell className="text-ui-fg-subtle">Nothing was invoiced, credited, paid or refunded in this period.</Table.Cell>
                <Table.Cell />
                <Table.Cell />
                <Table.Cell />
              </Table.Row>
            )}
            <Table.Row className="font-medium">
              <Table.Cell className="whitespace-nowrap">{formatPeriodDay(statement.period.to, locale)}</Table.Cell>
              <Table.Cell />
              <Table.Cell />
              <Table.Cell>Closing balance</Table.Cell>
              <Table.Cell className="text-right whitespace-nowrap">{money(statement.total_debits)}</Table.Cell>
              <Table.Cell className="text-right whitespace-nowrap">{money(statement.total_credits)}</Table.Cell>
              <Table.Cell className="text-right whitespace-nowrap" data-testid="statement-closing-row">
                {money(statement.closing_balance)}
              </Table.Cell>
            </Table.Row>
          </Table.Body>
        </Table>
      </div>
    </Container>
  )
}
