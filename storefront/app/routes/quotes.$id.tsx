import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json, redirect } from "@remix-run/node"
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react"
import { firstProblem, quoteAcceptance, quoteChangeRequest, quoteDecline, type Quote, type StoreQuotePriceResponse } from "@fieldservice/contract"

import { FormAlert, FormStatus } from "~/components/field"
import { MessageUsLink } from "~/components/messages/message-us-link"
import { useCardPayment } from "~/components/card-choice"
import { QuoteAnswers } from "~/components/quotes/quote-answers"
import { QuoteFiles } from "~/components/quotes/quote-files"
import { AcceptDepositCard, QuoteDepositPanel } from "~/components/quotes/quote-deposit"
import { QuoteOptions, QuoteTotals, type Selection } from "~/components/quotes/quote-options"
import { QuoteVisitLink } from "~/components/quotes/quote-visit-link"
import { businessTimeZone } from "~/lib/api/booking.server"
import { toProblem } from "~/lib/api/api.server"
import { answerQuote, priceQuote, type QuoteAnswer } from "~/lib/api/quotes.server"
import { text } from "~/lib/forms"
import { pageTitle } from "~/lib/meta"
import { loadQuoteFor, quoteProblem } from "~/lib/quote-access.server"
import { acceptanceCard, depositAction, type DepositActionData, depositCards } from "~/lib/quote-deposit.server"
import { dayText, DONE_MESSAGES, isOpenQuote, money, quoteStatusText } from "~/lib/quotes"

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.quote ? `Quote ${data.quote.number}` : "Quote")

/** The option and optional lines the form sent, kept to the option picked; the first option when none is. */
function selectionFrom(quote: Quote, form: FormData | URLSearchParams): Selection {
  const options = quote.current?.options ?? []
  const asked = form.get("option_id")
  const option = options.find((candidate) => candidate.id === asked) ?? options[0]
  const ticked = form.getAll("optional_line_ids").map(String)
  const accepted = quote.acceptance
  if (accepted && !asked) return { option_id: accepted.option_id, optional_line_ids: accepted.optional_line_ids }
  return {
    option_id: option?.id ?? "",
    optional_line_ids: (option?.lines ?? []).filter((line) => line.optional && ticked.includes(line.id)).map((line) => line.id),
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, quote } = await loadQuoteFor(request, params.id ?? "")
  const url = new URL(request.url)
  const selection = selectionFrom(quote, url.searchParams)
  const price = selection.option_id ? await priceQuote(access, quote.id, selection).catch(() => null) : null
  const done = url.searchParams.get("done")
  const deposit = await depositCards(access, quote)
  return json({
    quote,
    selection,
    price,
    deposit,
    done: done && DONE_MESSAGES[done] ? DONE_MESSAGES[done] : null,
    viaLink: "link" in access,
    timeZone: businessTimeZone(),
  })
}

type ActionData = { error?: string; field?: string; selection?: Selection; price?: StoreQuotePriceResponse } & DepositActionData

/** "Update totals" (the server works them out, without JavaScript), accept, decline or ask for changes. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { access, quote } = await loadQuoteFor(request, params.id ?? "")
  const form = await request.formData()
  const intent = text(form, "intent")
  if (intent === "deposit" || intent === "deposit-confirm") return depositAction(access, quote, intent, form)
  const selection = selectionFrom(quote, form)
  let answer: QuoteAnswer | null = null
  if (intent === "accept") {
    if (form.get("confirm") !== "yes")
      return json<ActionData>({ error: "Tick the box to confirm you accept the quote.", field: "confirm", selection }, { status: 400 })
    answer = { intent, body: { ...selection, version: Number(form.get("version")), signed_name: text(form, "signed_name"), ...acceptanceCard(quote, form) } }
  } else if (intent === "decline") answer = { intent, body: { reason: text(form, "reason") } }
  else if (intent === "request-changes") answer = { intent, body: { message: text(form, "message") } }
  const field = intent === "accept" ? "signed_name" : intent === "decline" ? "reason" : intent === "request-changes" ? "message" : undefined
  // The same rules as the API, in the same words, before asking it.
  const schema = intent === "accept" ? quoteAcceptance : intent === "decline" ? quoteDecline : quoteChangeRequest
  const invalid = answer ? firstProblem(schema, answer.body) : undefined
  if (invalid) return json<ActionData>({ error: invalid, field, selection }, { status: 400 })
  try {
    if (!answer) return json<ActionData>({ selection, price: await priceQuote(access, quote.id, selection) })
    const after = await answerQuote(access, quote.id, answer)
    return redirect(`/quotes/${encodeURIComponent(quote.id)}?done=${after.status}`)
  } catch (error) {
    const problem = toProblem(error)
    if (problem.status >= 500 || problem.status === 401 || problem.status === 404) return quoteProblem(request, access, error)
    return json<ActionData>({ error: problem.message, field, selection }, { status: problem.status })
  }
}

/** The status line under the title: accepted with what and by whom, or until when it can be accepted. */
function StatusNote({ quote }: { quote: Quote }) {
  const cur = quote.currency_code
  if (quote.acceptance) {
    const { acceptance } = quote
    return (
      <FormStatus testId="quote-accepted">
        <p>
          Accepted by {acceptance.signed_name}: {acceptance.option_title}, {money(acceptance.total, cur)}.
        </p>
      </FormStatus>
    )
  }
  if (quote.status === "declined") return <p data-testid="quote-closed">You declined this quote.</p>
  if (quote.status === "expired") return <p data-testid="quote-closed">This quote has expired. Ask the office for a new one.</p>
  return null
}

export default function QuotePage() {
  const { quote, selection: loaded, price: loadedPrice, deposit, done, viaLink, timeZone } = useLoaderData<typeof loader>()
  const actionData = useActionData<ActionData>()
  const fetcher = useFetcher<ActionData>()
  const submitting = useNavigation().state === "submitting"
  const open = isOpenQuote(quote.status)
  const cur = quote.currency_code
  const selection = actionData?.selection ?? loaded
  const price = fetcher.data?.price ?? actionData?.price ?? loadedPrice
  const options = quote.current?.options ?? []
  // With a deposit to pay and a new card chosen, "Accept" first has Stripe's form make the card.
  const cardOnAccept = deposit.cardPayments && (price?.deposit ?? 0) > 0
  const acceptPayment = useCardPayment({ ...deposit, pendingSecret: null, confirm: {}, busy: submitting, cardIntents: cardOnAccept ? ["accept"] : [] })

  // With JavaScript the totals follow each click: the same "Update totals" request, in the background.
  const onSelectionChange = (event: React.FormEvent<HTMLFormElement>) => {
    const data = new FormData(event.currentTarget)
    data.set("intent", "price")
    fetcher.submit(data, { method: "post" })
  }

  return (
    <section className="narrow" data-testid="quote-page">
      <h1>
        Quote {quote.number}
        <span className="badge" data-testid="quote-status">
          {quoteStatusText(quote.status)}
        </span>
      </h1>
      {done ? (
        <FormStatus testId="quote-done">
          <p>{done}</p>
        </FormStatus>
      ) : null}
      <StatusNote quote={quote} />
      <QuoteDepositPanel quote={quote} cards={deposit} error={actionData?.depositError} />
      <QuoteVisitLink quote={quote} timeZone={timeZone} viaLink={viaLink} />
      <p className="lead">{quote.title}</p>
      <dl className="details">
        {quote.expires_on ? (
          <>
            <dt>Valid until</dt>
            <dd data-testid="quote-expiry">{dayText(quote.expires_on)}</dd>
          </>
        ) : null}
        {quote.deposit.kind !== "none" && quote.deposit.value ? (
          <>
            <dt>Deposit</dt>
            <dd>{quote.deposit.kind === "percent" ? `${quote.deposit.value}% of the total` : money(quote.deposit.value, cur)}, paid by card when you accept</dd>
          </>
        ) : null}
        <dt>For</dt>
        <dd>{[quote.bill_to.name, quote.bill_to.company].filter(Boolean).join(", ")}</dd>
        <dt>From</dt>
        <dd>{quote.seller.name}</dd>
      </dl>
      {quote.current?.notes ? <p className="quote-notes">{quote.current.notes}</p> : null}
      <QuoteFiles quote={quote} />
      <Form method="post" id="quote-selection" onChange={open ? onSelectionChange : undefined} onSubmit={acceptPayment.onSubmit} className="form">
        <input type="hidden" name="version" value={quote.current?.version ?? 0} />
        <QuoteOptions options={options} currency={cur} selection={selection} open={open} />
        {open ? (
          <p>
            <button type="submit" name="intent" value="price" className="button button--secondary" data-testid="quote-update-totals">
              Update totals
            </button>
          </p>
        ) : null}
        {price ? <QuoteTotals price={price} currency={cur} pending={fetcher.state !== "idle"} /> : null}
        {open ? (
          <fieldset className="quote-accept">
            <legend>Accept this quote</legend>
            {actionData?.field === "signed_name" || actionData?.field === "confirm" ? <FormAlert message={actionData.error} /> : null}
            <label htmlFor="signed_name">Type your full name to sign</label>
            <input id="signed_name" name="signed_name" autoComplete="name" maxLength={200} data-testid="quote-signed-name" />
            <div className="choice choice--top">
              <input type="checkbox" id="confirm" name="confirm" value="yes" data-testid="quote-confirm" />
              <label htmlFor="confirm">I accept this quote for the option and extras ticked above, at the total shown.</label>
            </div>
            <AcceptDepositCard cards={deposit} payment={acceptPayment} deposit={price?.deposit ?? 0} currency={cur} />
            <FormAlert message={acceptPayment.error} />
            <button type="submit" name="intent" value="accept" className="button" disabled={acceptPayment.submitting} data-testid="quote-accept">
              Accept
            </button>
          </fieldset>
        ) : null}
      </Form>
      {open ? <QuoteAnswers actionData={actionData} submitting={submitting} /> : null}
      <p className="account__actions">
        <a href={`/quotes/${encodeURIComponent(quote.id)}/pdf`} className="button button--secondary" data-testid="quote-pdf">
          Download PDF
        </a>
      </p>
      {viaLink ? null : <MessageUsLink about="quote" id={quote.id} what="quote" />}
      <p>{viaLink ? <Link to="/sign-in">Sign in to see all your quotes</Link> : <Link to="/quotes">Back to quotes</Link>}</p>
    </section>
  )
}
