import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { RatingsGroup, RatingsReportQuery } from "@fieldservice/contract"
import { RATINGS_MODULE, type RatingsModuleService } from "../../../../modules/ratings"
import { SERVICES_MODULE, type ServicesModuleService } from "../../../../modules/services"
import { csvLine } from "../../../../utils/customer-csv"

const GROUPS = [
  ["fieldworker", "by_fieldworker"],
  ["service", "by_service"],
  ["postcode area", "by_postcode_area"],
  ["month", "by_month"],
] as const

/** The report's rows as CSV (the same filters): one line per group, with its count, average and each star's count. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const ratings: RatingsModuleService = req.scope.resolve(RATINGS_MODULE)
  const services: ServicesModuleService = req.scope.resolve(SERVICES_MODULE)
  const report = await ratings.report(req.validatedQuery as RatingsReportQuery, services.timeZone)
  const line = (grouping: string, group: RatingsGroup) => csvLine([grouping, group.label, group.count, group.average.toFixed(2), ...group.distribution])
  const lines = [
    csvLine(["grouping", "group", "ratings", "average", "1 star", "2 stars", "3 stars", "4 stars", "5 stars"]),
    line("all", report.total),
    ...GROUPS.flatMap(([grouping, key]) => report[key].map((group) => line(grouping, group))),
  ]
  res.setHeader("content-type", "text/csv; charset=utf-8")
  res.setHeader("content-disposition", `attachment; filename="ratings-report.csv"`)
  res.send(lines.join(""))
}
