import type { LoaderFunctionArgs } from "@remix-run/node"

import { downloadQuoteFile } from "~/lib/api/quotes.server"
import { requireQuoteAccess } from "~/lib/quote-access.server"

/** The quote's PDF, streamed from the API: the signed-in customer's own, or the emailed link's one quote; anything else 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = params.id ?? ""
  const pdf = await downloadQuoteFile(await requireQuoteAccess(request, id), id, "pdf").catch(() => null)
  if (!pdf?.ok || !pdf.body) {
    return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } })
  }
  return new Response(pdf.body, {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": pdf.headers.get("content-disposition") ?? `inline; filename="quote.pdf"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  })
}
