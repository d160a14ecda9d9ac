import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreVerifyEmailResponse } from "@fieldservice/contract"
import { verifyEmailWorkflow } from "../../../../workflows/accounts/email-verification"
import type { StoreTokenType } from "../validators"

export async function POST(req: MedusaRequest<StoreTokenType>, res: MedusaResponse<StoreVerifyEmailResponse>) {
  const { result } = await verifyEmailWorkflow(req.scope).run({ input: { token: req.validatedBody.token } })
  res.json({ verified: true, email: result.email })
}
