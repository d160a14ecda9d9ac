import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminErasureResponse, ErrorResponse } from "@fieldservice/contract"
import type { ICustomerModuleService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { eraseCustomerWorkflow, STRIPE_ERASURE_FAILED } from "../../../../../workflows/data-requests/erase-customer"
import { requestActor } from "../../../../utils/activity-actor"
import { answerConflictError } from "../../../../utils/errors"
import type { AdminEraseCustomerType } from "../../validators"

/**
 * Customer page → "Erase personal data", confirmed by typing the customer's email. All or nothing:
 * 200 with what was removed, 400 for a wrong confirmation, 502 when Stripe can't delete the saved
 * cards (then nothing was erased).
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminEraseCustomerType>, res: MedusaResponse<AdminErasureResponse | ErrorResponse>) {
  const customers: ICustomerModuleService = req.scope.resolve(Modules.CUSTOMER)
  const [customer] = await customers.listCustomers({ id: req.params.id }, { take: 1, withDeleted: true, select: ["id", "email"] })
  if (!customer) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${req.params.id} was not found`)
  const expected = (customer.email ?? customer.id).trim().toLowerCase()
  if (req.validatedBody.confirm_email.trim().toLowerCase() !== expected) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `To confirm, type the customer's email address exactly: ${customer.email ?? customer.id}. Nothing was erased.`
    )
  }
  try {
    const { result } = await eraseCustomerWorkflow(req.scope).run({ input: { customer_id: customer.id, actor: await requestActor(req) } })
    res.json({ erasure: result })
  } catch (error) {
    if (answerConflictError(res, error)) return
    // Workflow errors may arrive as plain objects: compare the code, not the class.
    const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown }
    if (code === STRIPE_ERASURE_FAILED) {
      res.status(502).json({ type: STRIPE_ERASURE_FAILED, message: String(message) })
      return
    }
    throw error
  }
}
