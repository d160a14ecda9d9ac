import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminVisitReminderSettingsResponse } from "@fieldservice/contract"
import { VISIT_REMINDERS_MODULE, type VisitRemindersModuleService } from "../../../../modules/visit-reminders"
import { updateVisitReminderSettingsWorkflow } from "../../../../workflows/visit-reminders/update-settings"
import type { AdminUpdateVisitReminderSettingsType } from "../validators"

/** Settings → Customer portal → Visit reminders. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminVisitReminderSettingsResponse>) {
  const reminders: VisitRemindersModuleService = req.scope.resolve(VISIT_REMINDERS_MODULE)
  res.json({ settings: await reminders.getSettings() })
}

export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateVisitReminderSettingsType>, res: MedusaResponse<AdminVisitReminderSettingsResponse>) {
  const { result } = await updateVisitReminderSettingsWorkflow(req.scope).run({ input: req.validatedBody })
  res.json({ settings: result })
}
