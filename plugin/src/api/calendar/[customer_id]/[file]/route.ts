import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { checkCalendarFeed, customerVisitsCalendar } from "../../../../utils/calendar-feed"
import { calendarFeedVersion } from "../../../../queries/calendar-link"

/**
 * A customer's private calendar link, for calendar apps (which send no session and no header):
 * the key in the file name is the only credential. A wrong, reset or unknown link, or a customer
 * whose portal access is stopped (blocked, archived, deleted), is the same 404.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { customer_id: customerId, file } = req.params as { customer_id: string; file: string }
  const version = checkCalendarFeed(req.scope, customerId, file)
  const profile = version === null ? null : await calendarFeedVersion(req.scope, customerId)
  if (!profile || profile.calendar_feed_version !== version || profile.status !== "active") {
    res.status(404).json({ type: "not_found", message: "This calendar link doesn't work any more. Copy the current one from My bookings in the portal." })
    return
  }
  res.setHeader("Content-Type", "text/calendar; charset=utf-8")
  res.setHeader("Cache-Control", "private, max-age=300")
  res.send(await customerVisitsCalendar(req.scope, customerId))
}
