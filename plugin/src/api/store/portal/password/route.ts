import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreChangePasswordResponse } from "@fieldservice/contract"
import type { ICustomerModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { changePasswordWorkflow } from "../../../../workflows/accounts/password"
import type { StoreChangePasswordType } from "../validators"

export async function POST(req: AuthenticatedMedusaRequest<StoreChangePasswordType>, res: MedusaResponse<StoreChangePasswordResponse>) {
  const customers: ICustomerModuleService = req.scope.resolve(Modules.CUSTOMER)
  const customer = await customers.retrieveCustomer(req.auth_context.actor_id)
  await changePasswordWorkflow(req.scope).run({
    input: {
      email: customer.email,
      current_password: req.validatedBody.current_password,
      new_password: req.validatedBody.new_password,
      customer_id: customer.id,
      first_name: customer.first_name,
    },
  })
  res.json({ changed: true })
}
