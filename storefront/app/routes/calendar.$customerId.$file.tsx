import type { LoaderFunctionArgs } from "@remix-run/node"

import { apiDownload } from "~/lib/api/api.server"

/**
 * A customer's private calendar link, which calendar apps poll without a session: passed through
 * from the API, whose key in the file name is the only credential. A wrong or reset link is 404.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const path = `/calendar/${encodeURIComponent(params.customerId ?? "")}/${encodeURIComponent(params.file ?? "")}`
  const response = await apiDownload(path, null, {}).catch(() => null)
  if (!response?.ok) {
    const message = "This calendar link doesn't work any more. Copy the current one from My bookings in the portal."
    return new Response(message, { status: response?.status === 404 ? 404 : 503, headers: { "content-type": "text/plain; charset=utf-8" } })
  }
  return new Response(await response.text(), {
    status: 200,
    headers: { "content-type": "text/calendar; charset=utf-8", "cache-control": response.headers.get("cache-control") ?? "private, max-age=300" },
  })
}
