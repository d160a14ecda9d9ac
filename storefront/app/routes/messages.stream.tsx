import type { LoaderFunctionArgs } from "@remix-run/node"

import { conversationEvents } from "~/lib/api/conversations.server"
import { getToken } from "~/lib/session.server"

const NO_STREAM = { status: 204, headers: { "cache-control": "no-store" } }

/**
 * The API's server-sent events for the signed-in customer, passed on as they come: the customer's
 * token stays in the portal's session, so the browser's EventSource listens here. No session, or no
 * stream from the API: 204, which tells EventSource to stop (the page then polls).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = await getToken(request)
  if (!token) return new Response(null, NO_STREAM)
  const upstream = await conversationEvents(token, request.signal).catch(() => null)
  if (!upstream?.ok || !upstream.body || !upstream.headers.get("content-type")?.startsWith("text/event-stream")) {
    await upstream?.body?.cancel().catch(() => undefined)
    return new Response(null, NO_STREAM)
  }
  return new Response(upstream.body, {
    status: 200,
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform keeps the portal's compression from holding events back.
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  })
}
