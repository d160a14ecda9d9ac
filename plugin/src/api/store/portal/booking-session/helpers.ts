import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import type { IAuthModuleService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { BOOKING_NUMBER_PROVIDER } from "../../../../providers/booking-number/service"

/** The email a booking-number session was opened with; refuses any other kind of session. */
export async function bookingSessionEmail(req: AuthenticatedMedusaRequest): Promise<string> {
  const auth: IAuthModuleService = req.scope.resolve(Modules.AUTH)
  const identity = await auth.retrieveAuthIdentity(req.auth_context.auth_identity_id, { relations: ["provider_identities"] })
  const booking = identity.provider_identities?.find((provider) => provider.provider === BOOKING_NUMBER_PROVIDER)
  const email = booking?.provider_metadata?.email
  if (typeof email !== "string") {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Sign in with your email and booking number first")
  }
  return email
}
