import type { LoaderFunctionArgs } from "@remix-run/node"

import { apiDownload } from "~/lib/api/api.server"
import { getToken } from "~/lib/session.server"

/** The signed-in customer's own files, by the API path after /store/customers/me/. */
const OWN_FILES = [/^visits\.ics$/, /^profile\/picture$/, /^dependents\/[^/]+\/photo$/, /^bookings\/[^/]+\/attachments\/[^/]+$/]
const PASSED_ON = ["content-type", "content-length", "content-disposition", "cache-control", "x-content-type-options"]

const notFound = () => new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } })

/**
 * A private picture, photo or booking file, or the calendar file of their visits, passed through from the API with the session's token.
 * Signed out, someone else's, or gone: the same 404 (a picture tag has nowhere to redirect to).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const path = params["*"] ?? ""
  const token = await getToken(request)
  if (!token || !OWN_FILES.some((pattern) => pattern.test(path))) return notFound()
  const version = new URL(request.url).searchParams.get("v")
  const response = await apiDownload(`/store/customers/me/${path}`, token, version ? { v: version } : {}).catch(() => null)
  if (!response?.ok || !response.body) return notFound()
  const headers = new Headers()
  for (const name of PASSED_ON) {
    const value = response.headers.get(name)
    if (value) headers.set(name, value)
  }
  return new Response(response.body, { status: 200, headers })
}
