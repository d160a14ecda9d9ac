import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import type { ICustomerModuleService } from "@medusajs/framework/types"
import { type ErrorResponse, normalizePostcode, postcodeProblem } from "@fieldservice/contract"

type AddressBody = { postal_code?: unknown; country_code?: unknown }

/**
 * For Medusa's own address routes (the portal's saved locations, the admin's customer addresses):
 * a postcode that can't exist in its country is refused in words a person acts on, and a good one
 * is written as the business writes it ("bs67qt" → "BS6 7QT"). An edit without a country checks
 * against the address's saved country.
 */
export async function checkAddressPostcode(req: MedusaRequest, res: MedusaResponse<ErrorResponse>, next: MedusaNextFunction) {
  const body = req.body as AddressBody | undefined
  const postcode = typeof body?.postal_code === "string" ? body.postal_code.trim() : ""
  if (!body || !postcode) return next()
  let country = typeof body.country_code === "string" ? body.country_code.trim() : ""
  if (!country && req.params.address_id) {
    const customers: ICustomerModuleService = req.scope.resolve(Modules.CUSTOMER)
    const [saved] = await customers.listCustomerAddresses({ id: req.params.address_id }, { select: ["country_code"], take: 1 })
    country = saved?.country_code ?? ""
  }
  if (!country) return next()
  const problem = postcodeProblem(country, postcode)
  // Named as the body validation names fields, so a form shows it under the postcode.
  if (problem)
    return res
      .status(400)
      .json({ type: MedusaError.Types.INVALID_DATA, message: problem, field: "postal_code", fields: [{ field: "postal_code", message: problem }] })
  // Medusa may have validated the body already: both copies get the written-out postcode.
  body.postal_code = normalizePostcode(country, postcode)
  const validated = (req as { validatedBody?: AddressBody }).validatedBody
  if (validated && typeof validated.postal_code === "string") validated.postal_code = body.postal_code
  next()
}
