import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { customerVisitsCalendar } from "../../../../../utils/calendar-feed"

/**
 * My visits as a calendar file (.ics): every booking from a month ago on, repeat visits included,
 * cancelled ones marked so (a calendar that imported them before takes them off).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const calendar = await customerVisitsCalendar(req.scope, req.auth_context.actor_id)
  res.setHeader("Content-Type", "text/calendar; charset=utf-8")
  res.setHeader("Content-Disposition", 'attachment; filename="my-visits.ics"')
  res.setHeader("Cache-Control", "no-store")
  res.send(calendar)
}
