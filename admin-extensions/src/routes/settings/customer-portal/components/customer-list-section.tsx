import { Container, Table } from "@medusajs/ui"
import type { ReactNode } from "react"
import { formatDateTime, formatDay } from "../../../../lib/portal"
import type { AdminPortalListedCustomer as ListedCustomer } from "@fieldservice/contract"
import { ActionsHeaderCell, TableMessageRow } from "../../../../components/table-parts"
import { CardHeader } from "../../components/card-header"

const fullName = (customer: ListedCustomer) => [customer.first_name, customer.last_name].filter(Boolean).join(" ") || "—"

/**
 * A settings section listing customers from one of the /admin/portal/*-customers routes: name, email, the given
 * date columns (as days, with the full time on hover) and one action per row.
 */
export function CustomerListSection<T extends ListedCustomer>({
  testId,
  rowTestId,
  title,
  description,
  label,
  emptyText,
  customers = [],
  isLoading,
  error,
  dateColumns,
  action,
}: {
  /** The section's test id; the table and message use it as a prefix. */
  testId: string
  rowTestId: string
  title: string
  description: string
  /** "Deleted customers", for the loading and error messages. */
  label: string
  emptyText: string
  customers?: T[]
  isLoading: boolean
  error: Error | null
  dateColumns: { label: string; value: (customer: T) => string }[]
  action: (customer: T) => ReactNode
}) {
  const columns = ["Name", "Email", ...dateColumns.map((column) => column.label)]
  const message = isLoading
    ? `Loading ${label.toLowerCase()}…`
    : error
      ? `${label} could not be loaded: ${error.message}`
      : customers.length === 0
        ? emptyText
        : null

  return (
    <Container className="divide-y p-0" data-testid={testId}>
      <CardHeader title={title} description={description} />
      <Table data-testid={`${testId}-table`}>
        <Table.Header>
          <Table.Row>
            {columns.map((column) => (
              <Table.HeaderCell key={column}>{column}</Table.HeaderCell>
            ))}
            <ActionsHeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {message ? (
            <TableMessageRow colSpan={columns.length + 1} message={message} isError={Boolean(error)} testId={`${testId}-message`} />
          ) : (
            customers.map((customer) => (
              <Table.Row key={customer.id} data-testid={rowTestId} data-customer-id={customer.id}>
                <Table.Cell>{fullName(customer)}</Table.Cell>
                <Table.Cell>{customer.email}</Table.Cell>
                {dateColumns.map((column) => (
                  <Table.Cell key={column.label} title={formatDateTime(column.value(customer))}>
                    {formatDay(column.value(customer))}
                  </Table.Cell>
                ))}
                <Table.Cell>
                  <div className="flex justify-end">{action(customer)}</div>
                </Table.Cell>
              </Table.Row>
            ))
          )}
        </Table.Body>
      </Table>
    </Container>
  )
}
