import type { LoaderFunctionArgs } from "@remix-run/node"

import { apiDownload, passFileOn } from "~/lib/api/api.server"
import { getToken } from "~/lib/session.server"

/** The signed-in customer's own files, by the API path after /store/customers/me/. */
const OWN_FILES = [
  /^visits\.ics$/,
  /^profile\/picture$/,
  /^dependents\/[^/]+\/photo$/,
  /^bookings\/[^/]+\/attachments\/[^/]+$/,
  /^complaints\/[^/]+\/photos\/[^/]+$/,
  /^bookings\/[^/]+\/rating\/photos\/[^/]+$/,
]

/**
 * A private picture, photo or booking file, or the calendar file of their visits, passed through from the API with the session's token.
 * Signed out, someone else's, or gone: the same 404 (a picture tag has nowhere to redirect to).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const path = params["*"] ?? ""
  const token = await getToken(request)
  if (!token || !OWN_FILES.some((pattern) => pattern.test(path))) return passFileOn(null)
  const version = new URL(request.url).searchParams.get("v")
  return passFileOn(await apiDownload(`/store/customers/me/${path}`, token, version ? { v: version } : {}).catch(() => null))
}
