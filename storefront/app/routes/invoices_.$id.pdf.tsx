import type { LoaderFunctionArgs } from "@remix-run/node"

import { downloadInvoicePdf } from "~/lib/api/invoices.server"
import { getToken } from "~/lib/session.server"

/** The invoice's PDF, streamed from the API with the session: the customer's own only, anything else 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = await getToken(request)
  const pdf = token ? await downloadInvoicePdf(token, params.id ?? "").catch(() => null) : null
  if (!pdf?.ok || !pdf.body) {
    return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } })
  }
  return new Response(pdf.body, {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": pdf.headers.get("content-disposition") ?? `inline; filename="invoice.pdf"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  })
}
