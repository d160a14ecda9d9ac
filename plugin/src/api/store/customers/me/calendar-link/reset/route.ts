import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { calendarFeedPath } from "../../../../../../utils/calendar-feed"
import { resetCalendarLinkWorkflow } from "../../../../../../workflows/customer-profile/reset-calendar-link"

/** A new private calendar link for a customer who shared the old one by mistake: the old one stops working. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result: version } = await resetCalendarLinkWorkflow(req.scope).run({ input: { customer_id: req.auth_context.actor_id } })
  res.json({ calendar_link: { path: calendarFeedPath(req.scope, req.auth_context.actor_id, version) } })
}
