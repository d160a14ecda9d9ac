import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SERVICES_MODULE, type ServicesModuleService } from "../../../../../modules/services"
import { removeServiceDetailsWorkflow, saveServiceDetailsWorkflow } from "../../../../../workflows/services/service-details"
import { cheapestOptionPrices, presentServiceDetails } from "../../../../utils/service-response"
import type { AdminSaveServiceDetailsType } from "../../validators"
import type { AdminSaveServiceResponse, AdminServiceDeleteResponse, AdminServiceResponse } from "@fieldservice/contract"

/** Admin → product page → "Service": null when the product is not a bookable service. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminServiceResponse>) {
  const services: ServicesModuleService = req.scope.resolve(SERVICES_MODULE)
  const [details] = await services.listServiceDetails({ product_id: req.params.id }, { take: 1 })
  res.json({ service: details ? await present(req, details) : null, time_zone: services.timeZone })
}

export async function POST(req: AuthenticatedMedusaRequest<AdminSaveServiceDetailsType>, res: MedusaResponse<AdminSaveServiceResponse>) {
  const { result } = await saveServiceDetailsWorkflow(req.scope).run({ input: { product_id: req.params.id, data: req.validatedBody } })
  res.json({ service: await present(req, result) })
}

/** The settings with the "from" price worked out from the product's option prices. */
async function present(req: AuthenticatedMedusaRequest, details: Parameters<typeof presentServiceDetails>[0]) {
  const rates = await cheapestOptionPrices(req.scope, [details])
  return presentServiceDetails(details, rates.get(details.product_id) ?? null)
}

export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminServiceDeleteResponse>) {
  await removeServiceDetailsWorkflow(req.scope).run({ input: { product_id: req.params.id } })
  res.json({ id: req.params.id, object: "service", deleted: true })
}
