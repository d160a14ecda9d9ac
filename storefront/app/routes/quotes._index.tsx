import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { Link, useLoaderData } from "@remix-run/react"
import type { QuoteSummary } from "@fieldservice/contract"

import { toProblem } from "~/lib/api/api.server"
import { listQuotes } from "~/lib/api/quotes.server"
import { pageTitle } from "~/lib/meta"
import { dayText, groupQuotes, money, quoteStatusText } from "~/lib/quotes"
import { requireToken, signOutIfRefused } from "~/lib/session.server"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Quotes")

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  try {
    return json({ error: null as string | null, quotes: await listQuotes(token) })
  } catch (error) {
    const problem = toProblem(error)
    await signOutIfRefused(request, problem)
    return json({ error: problem.message, quotes: [] as QuoteSummary[] }, { status: 503 })
  }
}

function QuoteItem({ quote }: { quote: QuoteSummary }) {
  return (
    <li className="profile" data-testid="quote">
      <h3 className="profile__name">
        <Link to={`/quotes/${encodeURIComponent(quote.id)}`} data-testid="quote-link">
          {quote.title}
        </Link>
        <span className="badge" data-testid="quote-status">
          {quoteStatusText(quote.status)}
        </span>
      </h3>
      <dl className="details">
        <dt>Quote</dt>
        <dd>{quote.number}</dd>
        <dt>From</dt>
        <dd>{money(quote.total, quote.currency_code)}</dd>
        {quote.expires_on ? (
          <>
            <dt>Valid until</dt>
            <dd>{dayText(quote.expires_on)}</dd>
          </>
        ) : null}
      </dl>
    </li>
  )
}

const GROUPS = [
  { key: "open", title: "To answer", empty: "No quotes are waiting for your answer." },
  { key: "accepted", title: "Accepted", empty: null },
  { key: "past", title: "Declined or expired", empty: null },
] as const

/** The quotes the office sent: those to answer first, then accepted, then the rest. */
export default function Quotes() {
  const { error, quotes } = useLoaderData<typeof loader>()
  const groups = groupQuotes(quotes)
  return (
    <section data-testid="quotes">
      <h1>Quotes</h1>
      {error ? (
        <p role="alert" className="alert">
          {error}
        </p>
      ) : quotes.length === 0 ? (
        <p data-testid="quotes-empty">You have no quotes yet. When we send you one, it appears here.</p>
      ) : (
        GROUPS.map(({ key, title, empty }) =>
          groups[key].length || empty ? (
            <section key={key} aria-labelledby={`quotes-${key}`} data-testid={`quotes-${key}`}>
              <h2 id={`quotes-${key}`}>{title}</h2>
              {groups[key].length ? (
                <ul className="profile-list">
                  {groups[key].map((quote) => (
                    <QuoteItem key={quote.id} quote={quote} />
                  ))}
                </ul>
              ) : (
                <p>{empty}</p>
              )}
            </section>
          ) : null
        )
      )}
    </section>
  )
}
