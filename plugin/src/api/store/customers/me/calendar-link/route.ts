import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { calendarFeedPath } from "../../../../../utils/calendar-feed"
import { calendarFeedVersion } from "../../../../../queries/calendar-link"

/**
 * My private calendar link: the path a calendar app subscribes to (served by the portal, which
 * passes it to `/calendar/…`), so new, moved and cancelled visits show up there by themselves.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const profile = await calendarFeedVersion(req.scope, req.auth_context.actor_id)
  if (!profile) throw new MedusaError(MedusaError.Types.NOT_FOUND, "Your account was not found")
  res.json({ calendar_link: { path: calendarFeedPath(req.scope, req.auth_context.actor_id, profile.calendar_feed_version) } })
}
