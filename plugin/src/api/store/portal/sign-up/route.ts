import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreSignUpResponse } from "@fieldservice/contract"
import { signUpCustomerWorkflow } from "../../../../workflows/accounts/sign-up"
import type { StoreSignUpType } from "../validators"
import { findPasswordLogin } from "../../../utils/password-login"

/**
 * Portal sign-up. The answer is the same whether or not the email already has an account,
 * so the form cannot be used to find out who our customers are.
 */
export async function POST(req: MedusaRequest<StoreSignUpType>, res: MedusaResponse<StoreSignUpResponse>) {
  const body = req.validatedBody
  if (!(await findPasswordLogin(req.scope, body.email))) {
    await signUpCustomerWorkflow(req.scope).run({ input: body })
  }
  res.status(201).json({ status: "verification_sent", email: body.email })
}
