import { defineRouteConfig } from "@medusajs/admin-sdk"
import { DocumentSeries } from "@medusajs/icons"
import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import { useListAddress } from "../../lib/list-address"
import { OffsetPagination, TableMessageRow } from "../../components/table-parts"
import { parseQuoteOrder, quoteFilterQuery, useQuoteList } from "../../lib/quotes"
import { QuoteFilters } from "./components/quote-filters"
import { QuoteRow } from "./components/quote-row"

const PAGE_SIZE = 20

/**
 * Every quote, newest first, by status, number or title, total, expiry and customer. The filters
 * and order live in the address, so Back, reloads and the customer page's "View all" keep them.
 */
const QuotesPage = () => {
  const navigate = useNavigate()
  const { params, order, offset, filters, update, query } = useListAddress({ parseOrder: parseQuoteOrder, filterQuery: quoteFilterQuery, pageSize: PAGE_SIZE })
  const { data, isLoading, isFetching, error } = useQuoteList(query)
  const quotes = data?.quotes ?? []
  const count = data?.count ?? 0
  const customerId = params.get("customer_id") ?? ""

  const message = isLoading
    ? "Loading quotes…"
    : error
      ? `The quotes could not be loaded: ${error.message}`
      : quotes.length === 0
        ? filters.toString()
          ? "No quotes match these filters."
          : "No quotes yet. Open a customer and choose New quote."
        : null

  return (
    <Container className="divide-y p-0" data-testid="quotes-page">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h1">Quotes</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Priced proposals sent to customers, who accept, decline or ask for changes in the portal. Start one from a customer&apos;s page.
        </Text>
      </div>
      <QuoteFilters params={params} update={update} order={order} customerName={data?.customers[customerId]?.name ?? null} />
      <div className="flex items-center justify-between px-6 py-3">
        <Text size="small" weight="plus" data-testid="quotes-count" aria-live="polite">
          {data ? `${count.toLocaleString()} ${count === 1 ? "quote" : "quotes"}` : "\u00a0"}
        </Text>
        {isFetching && !isLoading && (
          <Text size="xsmall" className="text-ui-fg-muted">
            Updating…
          </Text>
        )}
      </div>
      <div className="relative overflow-x-auto">
        <Table data-testid="quotes-table" aria-busy={isFetching}>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Number</Table.HeaderCell>
              <Table.HeaderCell>Title</Table.HeaderCell>
              <Table.HeaderCell>Customer</Table.HeaderCell>
              <Table.HeaderCell>Valid until</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Total</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {message ? (
              <TableMessageRow colSpan={6} message={message} isError={!!error} testId="quotes-message" />
            ) : (
              quotes.map((quote) => (
                <QuoteRow
                  key={quote.id}
                  quote={quote}
                  customer={data?.customers[quote.customer_id]?.name ?? quote.bill_to.name}
                  timeZone={data?.time_zone ?? "UTC"}
                  onOpen={() => navigate(`/quotes/${quote.id}`)}
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
        testId="quotes-pagination"
      />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Quotes", icon: DocumentSeries })

export default QuotesPage
