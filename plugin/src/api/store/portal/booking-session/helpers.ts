import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import type { IAuthModuleService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import type { StoreManagedBookingResponse } from "@fieldservice/contract"
import { BOOKING_NUMBER_PROVIDER } from "../../../../providers/booking-number/service"
import { loadOwnedBooking } from "../../customers/me/bookings/helpers"

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

/** What a booking-number session can't do; the portal offers to make a full account instead. */
export const NEEDS_FULL_ACCOUNT = "Changing the contact details, job notes or files needs a full account: create one with a password from My booking."

/**
 * One of the bookings made with the session's email, as a signed-in customer sees it. The session
 * may cancel and reschedule under the same rules; edits and files need a full account.
 */
export async function loadSessionBooking(req: AuthenticatedMedusaRequest, bookingId: string): Promise<StoreManagedBookingResponse> {
  const { booking, changes } = await loadOwnedBooking(req.scope, { email: await bookingSessionEmail(req) }, bookingId)
  return { booking, changes: { ...changes, can_edit: false, can_add_attachments: false, edit_refusal: NEEDS_FULL_ACCOUNT } }
}
