import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ErrorResponse, StorePortalAccountEmailResponse } from "@fieldservice/contract"
import type { ICustomerModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createAccountFromBookingWorkflow } from "../../../../../workflows/accounts/booking-session"
import type { StoreAccountFromBookingType } from "../../validators"
import { bookingSessionEmail } from "../helpers"
import { findPasswordLogin } from "../../../../utils/password-login"
import { answerConflict } from "../../../../utils/errors"

export async function POST(req: AuthenticatedMedusaRequest<StoreAccountFromBookingType>, res: MedusaResponse<StorePortalAccountEmailResponse | ErrorResponse>) {
  const email = await bookingSessionEmail(req)
  const customers: ICustomerModuleService = req.scope.resolve(Modules.CUSTOMER)
  const [login, [account]] = await Promise.all([findPasswordLogin(req.scope, email), customers.listCustomers({ email, has_account: true }, { take: 1 })])
  if (login || account) {
    return answerConflict(res, {
      type: "duplicate_error",
      code: "account_exists",
      message: "You already have an account with this email. Sign in with your password, or reset it.",
    })
  }
  await createAccountFromBookingWorkflow(req.scope).run({ input: { email, ...req.validatedBody } })
  res.status(201).json({ email })
}
