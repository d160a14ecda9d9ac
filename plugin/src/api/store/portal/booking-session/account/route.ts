import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { IAuthModuleService, ICustomerModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createAccountFromBookingWorkflow } from "../../../../../workflows/accounts/booking-session"
import type { StoreAccountFromBookingType } from "../../validators"
import { bookingSessionEmail } from "../helpers"

export async function POST(req: AuthenticatedMedusaRequest<StoreAccountFromBookingType>, res: MedusaResponse) {
  const email = await bookingSessionEmail(req)
  const auth: IAuthModuleService = req.scope.resolve(Modules.AUTH)
  const customers: ICustomerModuleService = req.scope.resolve(Modules.CUSTOMER)
  const [[login], [account]] = await Promise.all([
    auth.listProviderIdentities({ provider: "emailpass", entity_id: email }),
    customers.listCustomers({ email, has_account: true }, { take: 1 }),
  ])
  if (login || account) {
    return res.status(409).json({
      type: "duplicate_error",
      code: "account_exists",
      message: "You already have an account with this email. Sign in with your password, or reset it.",
    })
  }
  await createAccountFromBookingWorkflow(req.scope).run({ input: { email, ...req.validatedBody } })
  res.status(201).json({ email })
}
