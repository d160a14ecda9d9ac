import { createHash, timingSafeEqual } from "node:crypto"
import type { AuthenticationInput, AuthenticationResponse, AuthIdentityProviderService } from "@medusajs/framework/types"
import { AbstractAuthModuleProvider, MedusaError } from "@medusajs/framework/utils"
import { normalizeBookingNumber } from "../../modules/booking/booking-number"

export const BOOKING_NUMBER_PROVIDER = "booking-number"

const WRONG = "The email or booking number is incorrect."
const digest = (value: string) => createHash("sha256").update(value.trim().toLowerCase()).digest()

/**
 * Signs a customer in with their email and a booking number. Each booking registers an
 * identity here (entity_id = booking number, the booking's email in provider_metadata);
 * the session it gives has no customer attached, so it only reaches the booking routes.
 */
export default class BookingNumberAuthProviderService extends AbstractAuthModuleProvider {
  static identifier = BOOKING_NUMBER_PROVIDER
  static DISPLAY_NAME = "Booking number"

  async register(): Promise<AuthenticationResponse> {
    // Identities are created by the booking workflows, never by the caller.
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Booking-number logins are created with bookings")
  }

  async authenticate(data: AuthenticationInput, authIdentityService: AuthIdentityProviderService): Promise<AuthenticationResponse> {
    const { email, booking_number } = (data.body ?? {}) as Record<string, unknown>
    if (typeof email !== "string" || typeof booking_number !== "string" || !email.trim()) {
      return { success: false, error: "Enter the email address and the booking number from your confirmation." }
    }
    const number = normalizeBookingNumber(booking_number)
    if (!number) return { success: false, error: WRONG }
    try {
      const identity = await authIdentityService.retrieve({ entity_id: number })
      const provider = identity.provider_identities?.find((p) => p.provider === BOOKING_NUMBER_PROVIDER)
      const bookedEmail = provider?.provider_metadata?.email
      if (typeof bookedEmail !== "string" || !timingSafeEqual(digest(bookedEmail), digest(email))) {
        return { success: false, error: WRONG }
      }
      return { success: true, authIdentity: identity }
    } catch (error) {
      if ((error as MedusaError).type === MedusaError.Types.NOT_FOUND) return { success: false, error: WRONG }
      throw error
    }
  }
}
