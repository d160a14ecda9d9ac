import { QUOTE_OPEN_STATUSES, QUOTE_STATUS_LABELS } from "@fieldservice/contract"
import { Badge, Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { Link, useParams } from "react-router-dom"
import { QuoteBuilder } from "../../../components/quote-builder/quote-builder"
import { formatInvoiceDay, formatMoney } from "../../../lib/invoices"
import { draftForm, QUOTE_STATUS_COLORS, quotePdfUrl, quoteTitle, useQuote, useQuoteAction } from "../../../lib/quotes"
import { QuoteDepositSummary } from "../components/quote-deposit"
import { QuoteFiles } from "../components/quote-files"
import { QuoteHistory } from "../components/quote-history"
import { QuoteVersionView } from "../components/quote-version-view"
import { QuoteVisit } from "../components/quote-visit"

/**
 * One quote: who it is for, its status and expiry, the version the customer has and the draft
 * staff are working on (built in a drawer), Send, Revise and the PDF; then its history.
 */
const QuotePage = () => {
  const { id = "" } = useParams()
  const { data, isLoading, error } = useQuote(id)
  const action = useQuoteAction(id)
  const [building, setBuilding] = useState(false)
  if (isLoading) return <Container>Loading the quote…</Container>
  if (error || !data) return <Container className="text-ui-fg-error">The quote could not be loaded: {error?.message}</Container>
  const { quote, events, time_zone: timeZone } = data

  const run = (kind: "send" | "revise") =>
    action.mutate(kind, {
      onSuccess: (response) =>
        toast.success(kind === "send" ? `Quote ${response.quote.number} sent` : `Version ${response.quote.draft?.version} opened as a draft`, {
          description:
            kind === "send"
              ? "The customer has it by email, with its PDF and a link to answer it."
              : "Change it, then send it: the customer keeps the sent version until then.",
        }),
      onError: (failure: Error) => toast.error(kind === "send" ? "The quote was not sent" : "The quote was not revised", { description: failure.message }),
    })
  const canRevise = !quote.draft && QUOTE_OPEN_STATUSES.includes(quote.status)

  return (
    <div className="flex flex-col gap-y-3" data-testid="quote-page">
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-start justify-between gap-4 px-6 py-4">
          <div className="flex flex-col gap-y-1">
            <div className="flex items-center gap-x-2">
              <Heading level="h1" data-testid="quote-number">
                {quoteTitle(quote)}
              </Heading>
              <Badge size="2xsmall" color={QUOTE_STATUS_COLORS[quote.status]} data-testid="quote-status">
                {QUOTE_STATUS_LABELS[quote.status]}
              </Badge>
            </div>
            <Text size="small" weight="plus" data-testid="quote-heading-title">
              {quote.title}
            </Text>
            <Text size="small" className="text-ui-fg-subtle">
              For{" "}
              <Link to={`/customers/${quote.customer_id}`} className="text-ui-fg-interactive">
                {quote.bill_to.name}
              </Link>
              {quote.bill_to.email ? ` · ${quote.bill_to.email}` : ""} · {formatMoney(quote.total, quote.currency_code)}
              {quote.expires_on ? ` · valid until ${formatInvoiceDay(`${quote.expires_on}T12:00:00Z`, timeZone)}` : ""}
              {quote.deposit.kind !== "none"
                ? ` · deposit ${quote.deposit.kind === "percent" ? `${quote.deposit.value}%` : formatMoney(quote.deposit.value ?? 0, quote.currency_code)}`
                : ""}
            </Text>
          </div>
          <div className="flex flex-wrap gap-2">
            {quote.draft && (
              <Button size="small" variant="secondary" onClick={() => setBuilding(true)} data-testid="quote-edit">
                Edit draft
              </Button>
            )}
            {quote.draft && (
              <Button size="small" variant="secondary" asChild>
                <a href={quotePdfUrl(quote.id, true)} target="_blank" rel="noreferrer" data-testid="quote-draft-pdf">
                  Preview PDF
                </a>
              </Button>
            )}
            {quote.current && (
              <Button size="small" variant="secondary" asChild>
                <a href={quotePdfUrl(quote.id)} target="_blank" rel="noreferrer" data-testid="quote-pdf">
                  PDF
                </a>
              </Button>
            )}
            {canRevise && (
              <Button
                size="small"
                variant="secondary"
                isLoading={action.isPending && action.variables === "revise"}
                onClick={() => run("revise")}
                data-testid="quote-revise"
              >
                Revise
              </Button>
            )}
            {quote.draft && (
              <Button size="small" isLoading={action.isPending && action.variables === "send"} onClick={() => run("send")} data-testid="quote-send">
                {quote.current ? `Send version ${quote.draft.version}` : "Send"}
              </Button>
            )}
          </div>
        </div>
        {quote.acceptance && (
          <div className="px-6 py-4" data-testid="quote-acceptance">
            <Text size="small">
              Accepted by “{quote.acceptance.signed_name}”: {quote.acceptance.option_title}, {formatMoney(quote.acceptance.total, quote.currency_code)}.
            </Text>
            <QuoteDepositSummary deposit={quote.acceptance.deposit} currencyCode={quote.currency_code} timeZone={timeZone} />
          </div>
        )}
        <QuoteVisit quote={quote} timeZone={timeZone} />
      </Container>
      {quote.draft && (
        <Container className="divide-y p-0">
          <div className="px-6 py-4">
            <Heading level="h2">Draft · version {quote.draft.version}</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Not sent yet: the customer {quote.current ? `still has version ${quote.current.version}` : "hasn't seen it"}.
            </Text>
          </div>
          <QuoteVersionView version={quote.draft} currencyCode={quote.currency_code} testId="quote-draft" />
        </Container>
      )}
      {quote.draft && <QuoteFiles quote={quote} version={quote.draft} />}
      {quote.current && (
        <Container className="divide-y p-0">
          <div className="px-6 py-4">
            <Heading level="h2">Sent · version {quote.current.version}</Heading>
            {quote.current.sent_at && (
              <Text size="small" className="text-ui-fg-subtle">
                Sent {formatInvoiceDay(quote.current.sent_at, timeZone)}
              </Text>
            )}
          </div>
          <QuoteVersionView version={quote.current} currencyCode={quote.currency_code} testId="quote-current" />
        </Container>
      )}
      {quote.current && (quote.current.attachments.length > 0 || !quote.draft) && <QuoteFiles quote={quote} version={quote.current} />}
      <QuoteHistory events={events} timeZone={timeZone} />
      {quote.draft && (
        <QuoteBuilder open={building} onOpenChange={setBuilding} customerId={quote.customer_id} quoteId={quote.id} initial={draftForm(quote, quote.draft)} />
      )}
    </div>
  )
}

export default QuotePage
