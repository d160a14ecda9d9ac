import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminPortalLoginsResponse } from "@fieldservice/contract"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../../../modules/portal-access"
import { SERVICES_MODULE, type ServicesModuleService } from "../../../../modules/services"
import { addDays, type LocalDate, localDateOf, zonedTime } from "../../../../modules/services/time-zone"
import type { AdminGetPortalLoginsParamsType } from "../validators"

const isoDay = ({ year, month, day }: LocalDate) => `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`

/** Portal sign-ins per day over the last `days` days (today included), in the business's calendar: the admin's chart. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetPortalLoginsParamsType>, res: MedusaResponse<AdminPortalLoginsResponse>) {
  const { days } = req.validatedQuery as AdminGetPortalLoginsParamsType
  const portal: PortalAccessModuleService = req.scope.resolve(PORTAL_ACCESS_MODULE)
  const timeZone = (req.scope.resolve(SERVICES_MODULE) as ServicesModuleService).timeZone
  const today = localDateOf(new Date(), timeZone)
  const first = addDays(today, -(days - 1))
  const rows = await portal.dailyPortalLogins(zonedTime(first, 0, timeZone), zonedTime(addDays(today, 1), 0, timeZone), timeZone)
  const byDay = new Map(rows.filter((row) => row.day).map((row) => [row.day, row.count]))
  const whole = rows.find((row) => row.day === null)
  res.json({
    days: Array.from({ length: days }, (_, index) => {
      const date = isoDay(addDays(first, index))
      return { date, count: byDay.get(date) ?? 0 }
    }),
    total: whole?.count ?? 0,
    customers: whole?.customers ?? 0,
  })
}
