import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json, redirect } from "@remix-run/node"
import { Link, useLoaderData } from "@remix-run/react"

import { toProblem } from "~/lib/api/api.server"
import { openQuoteLink } from "~/lib/api/quotes.server"
import { pageTitle } from "~/lib/meta"
import { commitSession, getSession } from "~/lib/session.server"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Your quote")

const EXPIRED = "This quote link is not valid or has expired. Ask the office to send the quote again, or sign in to see your quotes."

/**
 * The link in a quote's email. A signed-in customer just lands on the quote; anyone else gets a
 * session for that one quote (no password needed), kept in the portal's cookie, and lands there.
 * Opening it only reads: a mail scanner following it changes nothing but its own cookie.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const token = url.searchParams.get("token")?.trim() ?? ""
  if (!token || url.searchParams.has("expired")) return json({ problem: EXPIRED }, { status: token ? 200 : 400 })
  try {
    const opened = await openQuoteLink(token)
    const session = await getSession(request)
    if (!session.get("token")) session.set("quoteLink", `${opened.quote_id} ${token}`)
    return redirect(`/quotes/${encodeURIComponent(opened.quote_id)}`, { headers: { "Set-Cookie": await commitSession(session) } })
  } catch (error) {
    const problem = toProblem(error)
    return json({ problem: problem.status === 401 ? EXPIRED : problem.message }, { status: problem.status })
  }
}

export default function QuoteLink() {
  const { problem } = useLoaderData<typeof loader>()
  return (
    <section className="narrow" data-testid="quote-link">
      <h1>Your quote</h1>
      <p role="alert" className="alert">
        {problem}
      </p>
      <p>
        <Link to="/sign-in">Sign in</Link> or <Link to="/support">contact us</Link>.
      </p>
    </section>
  )
}
