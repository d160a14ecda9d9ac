import { Container, Heading, Table, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { formatDateTime, formatDay } from "../../../../lib/portal"
import type { AdminPortalListedCustomer as ListedCustomer } from "@fieldservice/contract"

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
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">{title}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {description}
        </Text>
      </div>
      <Table data-testid={`${testId}-table`}>
        <Table.Header>
          <Table.Row>
            {columns.map((column) => (
              <Table.HeaderCell key={column}>{column}</Table.HeaderCell>
            ))}
            <Table.HeaderCell className="w-px">
              <span className="sr-only">Actions</span>
            </Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {message ? (
            <Table.Row>
              {/* Table.Cell's props leave out colSpan; this is a Table.Cell otherwise. */}
              <td colSpan={columns.length + 1} className="h-12 py-0 pl-6 pr-6">
                <Text size="small" className={error ? "text-ui-fg-error" : "text-ui-fg-subtle"} data-testid={`${testId}-message`}>
                  {message}
                </Text>
              </td>
            </Table.Row>
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
