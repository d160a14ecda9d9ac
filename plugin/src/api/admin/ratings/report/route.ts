import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { RatingsReportQuery, RatingsReportResponse } from "@fieldservice/contract"
import { RATINGS_MODULE, type RatingsModuleService } from "../../../../modules/ratings"
import { SERVICES_MODULE, type ServicesModuleService } from "../../../../modules/services"

/** The Ratings report: average, count and 1–5 distribution overall and by fieldworker, service, postcode area and month. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<RatingsReportResponse>) {
  const ratings: RatingsModuleService = req.scope.resolve(RATINGS_MODULE)
  const services: ServicesModuleService = req.scope.resolve(SERVICES_MODULE)
  res.json(await ratings.report(req.validatedQuery as RatingsReportQuery, services.timeZone))
}
