import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, Heading, Select, Table, Text } from "@medusajs/ui"
import { Link, useSearchParams } from "react-router-dom"
import { attemptStatusText, useFailedAutomaticPayments } from "../../../lib/automatic-payments"
import { formatMoney } from "../../../lib/bookings"
import { formatDateTime, formatDay } from "../../../lib/portal"
import { OffsetPagination, TableMessageRow } from "../../../components/table-parts"

const PAGE_SIZE = 20
const STATES = { all: "All failed", retrying: "Will be tried again", gave_up: "Not tried again" } as const
type State = keyof typeof STATES

/**
 * Invoices → Failed automatic payments: each invoice still owed whose latest automatic charge
 * failed, newest first, with Stripe's reason and whether it will be tried again; linking to the
 * customer and the invoice.
 */
const FailedAutomaticPaymentsPage = () => {
  const [params, setParams] = useSearchParams()
  const state = (params.get("state") ?? "all") in STATES ? ((params.get("state") ?? "all") as State) : "all"
  const offset = Math.max(0, Number(params.get("offset")) || 0)
  const query = new URLSearchParams({ state, limit: String(PAGE_SIZE), offset: String(offset) })
  const { data, isLoading, error } = useFailedAutomaticPayments(query.toString())
  const attempts = data?.attempts ?? []
  const count = data?.count ?? 0
  const go = (changes: Record<string, string>) => setParams(new URLSearchParams({ state, offset: String(offset), ...changes }), { replace: true })

  const message = isLoading
    ? "Loading…"
    : error
      ? `The failed automatic payments could not be loaded: ${error.message}`
      : attempts.length === 0
        ? "No failed automatic payments."
        : null

  return (
    <Container className="divide-y p-0" data-testid="failed-automatic-payments-page">
      <div className="flex flex-wrap items-start justify-between gap-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h1">Failed automatic payments</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Invoices of customers on automatic payment whose card charge failed. Each is tried again 1, 3 and 7 days after the first failure, and the customer
            is emailed a link to pay by hand every time.
          </Text>
        </div>
        <div className="w-56">
          <Select value={state} onValueChange={(value) => go({ state: value, offset: "0" })}>
            <Select.Trigger data-testid="failed-automatic-payments-state">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {(Object.keys(STATES) as State[]).map((key) => (
                <Select.Item key={key} value={key}>
                  {STATES[key]}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
      </div>
      <div className="relative overflow-x-auto">
        <Table data-testid="failed-automatic-payments-table">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Last try</Table.HeaderCell>
              <Table.HeaderCell>Customer</Table.HeaderCell>
              <Table.HeaderCell>Invoice</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
              <Table.HeaderCell>Reason</Table.HeaderCell>
              <Table.HeaderCell>Next</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {message ? (
              <TableMessageRow colSpan={6} message={message} isError={!!error} testId="failed-automatic-payments-message" />
            ) : (
              attempts.map((attempt) => (
                <Table.Row key={attempt.id} data-testid="failed-automatic-payment">
                  <Table.Cell>{formatDateTime(attempt.attempted_at)}</Table.Cell>
                  <Table.Cell>
                    <Link to={`/customers/${attempt.customer.id}`} className="text-ui-fg-interactive">
                      {attempt.customer.name || attempt.customer.email}
                    </Link>
                  </Table.Cell>
                  <Table.Cell>
                    <Link to={`/invoices/${attempt.invoice_id}`} className="text-ui-fg-interactive">
                      {attempt.invoice_number ?? attempt.invoice_id}
                    </Link>
                  </Table.Cell>
                  <Table.Cell className="text-right">
                    {attempt.amount !== null && attempt.currency_code ? formatMoney(attempt.amount, attempt.currency_code) : "—"}
                  </Table.Cell>
                  <Table.Cell>{attempt.message ?? "—"}</Table.Cell>
                  <Table.Cell>
                    {attempt.automatic_payment_on ? attemptStatusText(attempt, formatDay) : "Not tried again: automatic payment turned off"} (try{" "}
                    {attempt.attempt})
                  </Table.Cell>
                </Table.Row>
              ))
            )}
          </Table.Body>
        </Table>
      </div>
      <OffsetPagination count={count} offset={offset} pageSize={PAGE_SIZE} onOffset={(next) => go({ offset: String(next) })} />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Failed automatic payments" })

export default FailedAutomaticPaymentsPage
