import type { LoaderFunctionArgs } from "@remix-run/node"
import { redirect } from "@remix-run/node"

import { toProblem } from "~/lib/api/api.server"
import { markNotificationRead } from "~/lib/api/notifications.server"
import { redirectWithPageError, requireToken, safeRedirect, signOutIfRefused } from "~/lib/session.server"

/**
 * A notification opened from the list: it is marked read and the customer lands on the page it is
 * about. A plain link, so it works without JavaScript.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  try {
    const { notification } = await markNotificationRead(token, params.id ?? "")
    return redirect(safeRedirect(notification.url, "/notifications"))
  } catch (error) {
    const problem = toProblem(error)
    await signOutIfRefused(request, problem)
    return redirectWithPageError(request, "/notifications", problem.status === 404 ? "That notification was not found." : problem.message)
  }
}
