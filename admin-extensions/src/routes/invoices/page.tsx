import { defineRouteConfig } from "@medusajs/admin-sdk"
import { DocumentText } from "@medusajs/icons"
import { Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import { useListAddress } from "../../lib/list-address"
import { useCustomerSearch } from "../../lib/customer-search"
import { invoiceExportUrl, invoiceFilterQuery, parseInvoiceOrder, useInvoiceList } from "../../lib/invoices"
import { InvoiceFilters } from "./components/invoice-filters"
import { InvoiceRow } from "./components/invoice-row"
import { InvoiceSortHeader } from "./components/invoice-sort-header"
import { OffsetPagination, TableMessageRow } from "../../components/table-parts"

const PAGE_SIZE = 20

/**
 * Every invoice, newest first, filtered by status, overdue, customer, issue dates and total. The
 * filters and sort live in the address (Back, reloads and the customer page's "View all" keep
 * them), and Export CSV downloads exactly what they match.
 */
const InvoicesPage = () => {
  const navigate = useNavigate()
  const { params, order, offset, filters, update, clearFilters, query } = useListAddress({
    parseOrder: parseInvoiceOrder,
    filterQuery: invoiceFilterQuery,
    pageSize: PAGE_SIZE,
  })
  const { data, isLoading, isFetching, error } = useInvoiceList(query)
  const invoices = data?.invoices ?? []
  const count = data?.count ?? 0
  const filtered = filters.toString() !== ""

  // The customer chip's name: from the list when it has their invoices, else asked for.
  const customerId = params.get("customer_id") ?? ""
  const listed = customerId ? data?.customers[customerId]?.name : undefined
  const { chosen } = useCustomerSearch({
    queryKey: "admin-invoices-chosen",
    text: "",
    customerId: listed ? "" : customerId,
    limit: 1,
    fields: "id,email,first_name,last_name,company_name",
  })
  const chosenCustomer = chosen.data?.customer
  const customerName =
    listed ??
    (chosenCustomer
      ? [chosenCustomer.first_name, chosenCustomer.last_name].filter(Boolean).join(" ") || chosenCustomer.email
      : chosen.isError
        ? "Unknown customer"
        : null)

  const message = isLoading
    ? "Loading invoices…"
    : error
      ? `The invoices could not be loaded: ${error.message}`
      : invoices.length === 0
        ? filtered
          ? "No invoices match these filters. Try fewer filters, or Clear all."
          : "No invoices yet. A visit is invoiced when it is marked completed."
        : null

  return (
    <Container className="divide-y p-0" data-testid="invoices-page">
      <div className="flex flex-wrap items-start justify-between gap-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h1">Invoices</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Every visit marked completed is invoiced. Open an invoice to record a payment, credit or void it, or change its due date.
          </Text>
        </div>
        <Button size="small" variant="secondary" asChild>
          {/* A plain download: the server streams the CSV with the staff member's session. */}
          <a href={invoiceExportUrl(filters, order)} download data-testid="invoices-export">
            Export CSV
          </a>
        </Button>
      </div>

      <InvoiceFilters params={params} update={update} customerName={customerName} onClearAll={clearFilters} />

      <div className="flex items-center justify-between px-6 py-3">
        <Text size="small" weight="plus" data-testid="invoices-count" aria-live="polite">
          {data ? `${count.toLocaleString()}${data.count_capped ? "+" : ""} ${count === 1 && !data.count_capped ? "invoice" : "invoices"}` : "\u00a0"}
        </Text>
        {isFetching && !isLoading && (
          <Text size="xsmall" className="text-ui-fg-muted">
            Updating…
          </Text>
        )}
      </div>

      {/* Narrow windows scroll the table sideways rather than squeeze it. */}
      <div className="relative overflow-x-auto">
        <Table data-testid="invoices-table" aria-busy={isFetching}>
          <Table.Header>
            <Table.Row>
              <InvoiceSortHeader field="number" label="Number" order={order} onSort={(next) => update({ order: next })} />
              <Table.HeaderCell>Customer</Table.HeaderCell>
              <InvoiceSortHeader field="created_at" label="Issued" order={order} onSort={(next) => update({ order: next })} />
              <InvoiceSortHeader field="due_at" label="Due" order={order} onSort={(next) => update({ order: next })} />
              <InvoiceSortHeader field="total" label="Total" order={order} onSort={(next) => update({ order: next })} alignRight />
              <Table.HeaderCell className="text-right">Balance</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {message ? (
              <TableMessageRow colSpan={7} message={message} isError={!!error} testId="invoices-message" />
            ) : (
              invoices.map((invoice) => (
                <InvoiceRow
                  key={invoice.id}
                  invoice={invoice}
                  customer={data?.customers[invoice.customer_id]?.name ?? invoice.bill_to.name}
                  timeZone={data?.time_zone ?? "UTC"}
                  onOpen={() => navigate(`/invoices/${invoice.id}`)}
                />
              ))
            )}
          </Table.Body>
        </Table>
      </div>
      <OffsetPagination
        count={count}
        offset={offset}
        pageSize={PAGE_SIZE}
        onOffset={(next) => update({ offset: String(next) }, { keepPage: true })}
        testId="invoices-pagination"
      />
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Invoices",
  icon: DocumentText,
})

export default InvoicesPage
