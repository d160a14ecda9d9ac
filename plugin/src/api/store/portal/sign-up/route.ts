import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { IAuthModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { signUpCustomerWorkflow } from "../../../../workflows/accounts/sign-up"
import type { StoreSignUpType } from "../validators"

/**
 * Portal sign-up. The answer is the same whether or not the email already has an account,
 * so the form cannot be used to find out who our customers are.
 */
export async function POST(req: MedusaRequest<StoreSignUpType>, res: MedusaResponse) {
  const body = req.validatedBody
  const auth: IAuthModuleService = req.scope.resolve(Modules.AUTH)
  const [existing] = await auth.listProviderIdentities({ provider: "emailpass", entity_id: body.email })
  if (!existing) {
    await signUpCustomerWorkflow(req.scope).run({ input: body })
  }
  res.status(201).json({ status: "verification_sent", email: body.email })
}
