import type { LoaderFunctionArgs } from "@remix-run/node"
import { redirect } from "@remix-run/node"

import { toProblem } from "~/lib/api/api.server"
import { downloadMyStatement } from "~/lib/api/statements.server"
import { requireToken, signOutIfRefused } from "~/lib/session.server"

/**
 * The statement's PDF (to save or print), fetched with the session's token. A signed-out or
 * blocked customer is sent on as everywhere else; any other refusal goes back to the statement
 * page with the same period, which says what is wrong with it.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  const url = new URL(request.url)
  const period = { from: url.searchParams.get("from") ?? undefined, to: url.searchParams.get("to") ?? undefined }
  const answer = await downloadMyStatement(token, period).catch((error: unknown) => toProblem(error))
  if (answer instanceof Response && answer.ok && answer.body) {
    const disposition = answer.headers.get("content-disposition") ?? 'inline; filename="statement.pdf"'
    return new Response(answer.body, {
      headers: { "content-type": "application/pdf", "content-disposition": disposition, "cache-control": "private, no-store" },
    })
  }
  await signOutIfRefused(request, answer instanceof Response ? { status: answer.status, message: answer.statusText } : answer)
  return redirect(`/invoices/statement${url.search}`)
}
