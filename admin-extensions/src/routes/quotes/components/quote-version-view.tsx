import type { QuoteVersion } from "@fieldservice/contract"
import { Badge, Heading, Table, Text } from "@medusajs/ui"
import { formatMoney } from "../../../lib/invoices"

/** A version's options, each with its lines (optional ones marked) and its totals. */
export function QuoteVersionView({ version, currencyCode, testId }: { version: QuoteVersion; currencyCode: string; testId: string }) {
  const money = (amount: number) => formatMoney(amount, currencyCode)
  return (
    <div className="flex flex-col gap-y-4 px-6 py-4" data-testid={testId}>
      {version.options.map((option) => (
        <div key={option.id} className="flex flex-col gap-y-2" data-testid="quote-view-option">
          <div className="flex items-baseline justify-between gap-x-4">
            <Heading level="h3">{option.title}</Heading>
            <Text size="small" weight="plus" data-testid="quote-view-option-total">
              {money(option.total)}
            </Text>
          </div>
          {option.description && (
            <Text size="small" className="text-ui-fg-subtle">
              {option.description}
            </Text>
          )}
          <div className="overflow-x-auto">
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Description</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Qty</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Unit price</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Tax</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {option.lines.map((line) => (
                  <Table.Row key={line.id} data-testid="quote-view-line">
                    <Table.Cell>
                      {line.description}{" "}
                      {line.optional && (
                        <Badge size="2xsmall" color="purple">
                          Optional
                        </Badge>
                      )}
                    </Table.Cell>
                    <Table.Cell className="text-right">{line.quantity}</Table.Cell>
                    <Table.Cell className="text-right">{money(line.unit_price)}</Table.Cell>
                    <Table.Cell className="whitespace-nowrap text-right">
                      {money(line.tax_total)} ({line.tax_rate}%)
                    </Table.Cell>
                    <Table.Cell className="text-right">{money(line.subtotal)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          <Text size="xsmall" className="text-ui-fg-subtle self-end">
            Subtotal {money(option.subtotal)} · Tax {money(option.tax_total)} · Total {money(option.total)}
            {option.lines.some((line) => line.optional) ? " (without optional lines)" : ""}
          </Text>
        </div>
      ))}
      {version.notes && (
        <Text size="small" className="text-ui-fg-subtle whitespace-pre-wrap">
          Notes: {version.notes}
        </Text>
      )}
    </div>
  )
}
