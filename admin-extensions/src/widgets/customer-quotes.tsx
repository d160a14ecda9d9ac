import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { QUOTE_STATUS_LABELS } from "@fieldservice/contract"
import { Badge, Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { QuoteBuilder } from "../components/quote-builder/quote-builder"
import { formatMoney } from "../lib/invoices"
import { draftForm, QUOTE_STATUS_COLORS, quoteTitle, useQuoteList } from "../lib/quotes"

const SHOWN = 5

/**
 * Customer page → "Quotes": their latest quotes with status and total, "View all" (the Quotes
 * page for this customer) and "New quote", which opens the builder for them.
 */
const CustomerQuotesWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const navigate = useNavigate()
  const [building, setBuilding] = useState(false)
  const { data, isLoading, error } = useQuoteList(new URLSearchParams({ customer_id: customer.id, limit: String(SHOWN) }).toString())
  const quotes = data?.quotes ?? []
  return (
    <Container className="divide-y p-0" data-testid="customer-quotes">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Quotes</Heading>
        <div className="flex items-center gap-x-3">
          <Link
            to={`/quotes?${new URLSearchParams({ customer_id: customer.id })}`}
            className="txt-compact-small text-ui-fg-interactive"
            data-testid="customer-quotes-all"
          >
            View all
          </Link>
          <Button size="small" variant="secondary" onClick={() => setBuilding(true)} data-testid="customer-quotes-new">
            New quote
          </Button>
        </div>
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        {isLoading ? (
          <Text size="small" className="text-ui-fg-subtle">
            Loading quotes…
          </Text>
        ) : error ? (
          <Text size="small" className="text-ui-fg-error">
            The quotes could not be loaded: {error.message}
          </Text>
        ) : quotes.length === 0 ? (
          <Text size="small" className="text-ui-fg-subtle" data-testid="customer-quotes-empty">
            No quotes yet.
          </Text>
        ) : (
          quotes.map((quote) => (
            <Link key={quote.id} to={`/quotes/${quote.id}`} className="flex items-center justify-between gap-x-2" data-testid="customer-quotes-row">
              <div className="flex min-w-0 flex-col">
                <Text size="small" weight="plus" className="text-ui-fg-interactive">
                  {quoteTitle(quote)}
                </Text>
                <Text size="xsmall" className="text-ui-fg-subtle truncate">
                  {quote.title} · {formatMoney(quote.total, quote.currency_code)}
                </Text>
              </div>
              <Badge size="2xsmall" color={QUOTE_STATUS_COLORS[quote.status]}>
                {QUOTE_STATUS_LABELS[quote.status]}
              </Badge>
            </Link>
          ))
        )}
        {data && data.count > quotes.length && (
          <Text size="xsmall" className="text-ui-fg-subtle">
            {data.count} quotes in all
          </Text>
        )}
      </div>
      <QuoteBuilder open={building} onOpenChange={setBuilding} customerId={customer.id} initial={draftForm()} onSaved={(id) => navigate(`/quotes/${id}`)} />
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "customer.details.side.before" })

export default CustomerQuotesWidget
