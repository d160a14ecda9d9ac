import type { AdminGiftVoucher } from "@fieldservice/contract"
import { Container, Heading, Table, Text } from "@medusajs/ui"
import { TableMessageRow } from "../../../components/table-parts"
import { formatMoney } from "../../../lib/bookings"

const when = (iso: string) => new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })

/** What a line of the ledger was for, in staff's words. */
function what(reference: string, note: string | null) {
  if (reference === "gift_card") return "Voucher value"
  if (reference === "order") return "Spent on an order"
  if (reference === "cart") return "Spent at checkout"
  return note || reference
}

/** The voucher's ledger (its store credit account): the value put on it, and each time it was spent. */
export function VoucherHistory({ voucher }: { voucher: AdminGiftVoucher }) {
  return (
    <Container className="divide-y p-0" data-testid="gift-voucher-history">
      <div className="px-6 py-4">
        <Heading level="h2">History</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Bought or issued {when(voucher.created_at)}
          {voucher.delivered_at ? `, emailed to ${voucher.recipient_email} ${when(voucher.delivered_at)}` : ""}
          {voucher.disabled_at ? `, disabled ${when(voucher.disabled_at)}` : ""}.
        </Text>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Date</Table.HeaderCell>
            <Table.HeaderCell>What</Table.HeaderCell>
            <Table.HeaderCell>Reference</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {voucher.transactions.length === 0 ? (
            <TableMessageRow
              colSpan={4}
              message="Nothing yet: the value is put on the voucher when its code is made."
              isError={false}
              testId="gift-voucher-history-empty"
            />
          ) : (
            voucher.transactions.map((line) => (
              <Table.Row key={line.id} data-testid="gift-voucher-history-row">
                <Table.Cell className="whitespace-nowrap">{when(line.created_at)}</Table.Cell>
                <Table.Cell>{what(line.reference, line.note)}</Table.Cell>
                <Table.Cell className="max-w-[220px] truncate font-mono text-xs">{line.reference_id}</Table.Cell>
                <Table.Cell className="whitespace-nowrap text-right">
                  {line.type === "debit" ? "−" : "+"}
                  {formatMoney(line.amount, voucher.currency_code)}
                </Table.Cell>
              </Table.Row>
            ))
          )}
        </Table.Body>
      </Table>
    </Container>
  )
}
