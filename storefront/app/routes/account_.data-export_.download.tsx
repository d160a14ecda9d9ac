import type { LoaderFunctionArgs } from "@remix-run/node"
import { redirect } from "@remix-run/node"

import { toProblem } from "~/lib/api/api.server"
import { downloadMyData } from "~/lib/api/data-export.server"
import { requireToken, signOutIfRefused } from "~/lib/session.server"

/**
 * The emailed link's ZIP, passed through from the backend as it streams (the backend checks the
 * session, the token, that it is unused and unexpired). A refused download goes back to the
 * link's page, which says why and offers a new copy.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  const params = new URL(request.url).searchParams
  const id = params.get("export") ?? ""
  const linkToken = params.get("token") ?? ""
  const back = `/account/data-export?export=${encodeURIComponent(id)}&unavailable=1`
  if (!id || !linkToken) return redirect(back)
  try {
    const response = await downloadMyData(token, id, linkToken)
    if (response.status === 401 || response.status === 403) {
      const body = (await response.json().catch(() => ({}))) as { message?: string; code?: string }
      await signOutIfRefused(request, { status: response.status, code: body.code, message: body.message ?? "" })
    }
    if (!response.ok || !response.body) return redirect(back)
    const headers = new Headers({ "cache-control": "no-store" })
    for (const name of ["content-type", "content-disposition", "content-length"]) {
      const value = response.headers.get(name)
      if (value) headers.set(name, value)
    }
    return new Response(response.body, { status: 200, headers })
  } catch (error) {
    const problem = toProblem(error)
    await signOutIfRefused(request, problem)
    return redirect(back)
  }
}
