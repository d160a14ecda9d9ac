import { AGEING_BUCKET_LABELS, AGEING_BUCKETS, formatMoney, type AccountStatement } from "@fieldservice/contract"
import { Container, Heading, Table, Text } from "@medusajs/ui"
import { adminLocale } from "../../../../lib/directory"
import { formatPeriodDay, formatStatementDate } from "../../../../lib/statements"

/** How old what is owed at the end of the period is, and the invoices it is owed on. */
export function StatementAgeing({ statement }: { statement: AccountStatement }) {
  const locale = adminLocale()
  const money = (amount: number) => formatMoney(amount, statement.currency_code)
  const { ageing } = statement
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Ageing</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          What is owed on {formatPeriodDay(ageing.as_of, locale)}, by days past each invoice’s due date.
        </Text>
      </div>
      <dl className="grid grid-cols-2 gap-4 px-6 py-4 sm:grid-cols-3 lg:grid-cols-6" data-testid="statement-ageing">
        {[...AGEING_BUCKETS, "total" as const].map((bucket) => (
          <div key={bucket} className="flex flex-col gap-y-1" data-testid={`statement-ageing-${bucket}`}>
            <dt>
              <Text size="small" className="text-ui-fg-subtle">
                {bucket === "total" ? "Total owed" : AGEING_BUCKET_LABELS[bucket]}
              </Text>
            </dt>
            <dd>
              <Text weight={bucket === "total" ? "plus" : "regular"}>{money(ageing[bucket])}</Text>
            </dd>
          </div>
        ))}
      </dl>
      {ageing.unapplied_credit > 0 && (
        <Text size="small" className="px-6 py-3">
          {money(ageing.unapplied_credit)} is credit on the account, not yet set against an invoice.
        </Text>
      )}
      {statement.open_invoices.length > 0 && (
        <div className="overflow-x-auto">
          <Table data-testid="statement-open-invoices">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Invoice</Table.HeaderCell>
                <Table.HeaderCell>Issued</Table.HeaderCell>
                <Table.HeaderCell>Due</Table.HeaderCell>
                <Table.HeaderCell>Age</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Total</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Owed</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {statement.open_invoices.map((invoice) => (
                <Table.Row key={invoice.id}>
                  <Table.Cell>{invoice.number}</Table.Cell>
                  <Table.Cell className="whitespace-nowrap">{formatStatementDate(invoice.issued_at, locale, statement.time_zone)}</Table.Cell>
                  <Table.Cell className="whitespace-nowrap">
                    {invoice.due_at ? formatStatementDate(invoice.due_at, locale, statement.time_zone) : "—"}
                  </Table.Cell>
                  <Table.Cell className="whitespace-nowrap">
                    {invoice.days_overdue > 0 ? `${invoice.days_overdue} days late (${AGEING_BUCKET_LABELS[invoice.bucket]})` : "Not yet due"}
                  </Table.Cell>
                  <Table.Cell className="text-right whitespace-nowrap">{money(invoice.total)}</Table.Cell>
                  <Table.Cell className="text-right whitespace-nowrap">{money(invoice.balance)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </Container>
  )
}
