import type { LoaderFunctionArgs } from "@remix-run/node"

import { passFileOn } from "~/lib/api/api.server"
import { downloadQuoteFile } from "~/lib/api/quotes.server"
import { requireQuoteAccess } from "~/lib/quote-access.server"

/**
 * A photo or PDF on the quote, passed through from the API: the signed-in customer's own quote, or
 * the emailed link's one quote. A draft's file, someone else's or a removed one is the same 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = params.id ?? ""
  const access = await requireQuoteAccess(request, id)
  return passFileOn(await downloadQuoteFile(access, id, `attachments/${encodeURIComponent(params.attachmentId ?? "")}`).catch(() => null))
}
