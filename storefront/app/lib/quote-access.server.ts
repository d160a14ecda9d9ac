import { redirect } from "@remix-run/node"

import { toProblem } from "~/lib/api/api.server"
import { getQuote, type QuoteAccess } from "~/lib/api/quotes.server"
import { commitSession, getSession, requireToken, signOutIfRefused } from "~/lib/session.server"

/**
 * Who may open the quote: the signed-in customer first, else the emailed link's session if it is
 * for this quote; anyone else is sent to sign in (and brought back).
 */
export async function requireQuoteAccess(request: Request, quoteId: string): Promise<QuoteAccess> {
  const session = await getSession(request)
  const token = session.get("token")
  if (token) return { token }
  const [linkedId, link] = (session.get("quoteLink") ?? "").split(" ")
  if (link && linkedId === quoteId) return { link }
  return { token: await requireToken(request) }
}

/**
 * A failed call, as the quote pages answer it: a signed-in customer whose session is over signs in
 * again; a link that no longer works is forgotten and explained; "not found" is a 404 page.
 */
export async function quoteProblem(request: Request, access: QuoteAccess, error: unknown): Promise<never> {
  const problem = toProblem(error)
  if ("token" in access) await signOutIfRefused(request, problem)
  else if (problem.status === 401) {
    const session = await getSession(request)
    session.unset("quoteLink")
    throw redirect("/quote-link?expired=1", { headers: { "Set-Cookie": await commitSession(session) } })
  }
  if (problem.status === 404) throw new Response("Quote not found", { status: 404 })
  throw new Response(problem.message, { status: 503 })
}

/** The quote a page shows, for whoever may open it (the customer, or the emailed link's session); failures as quoteProblem answers them. */
export async function loadQuoteFor(request: Request, id: string) {
  const access = await requireQuoteAccess(request, id)
  try {
    return { access, quote: await getQuote(access, id) }
  } catch (error) {
    return quoteProblem(request, access, error)
  }
}
