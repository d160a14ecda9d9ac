import { MedusaError } from "@medusajs/framework/utils"

/**
 * Whose booking it is: the signed-in customer's, or one made with the email a booking-number
 * session proved it holds.
 */
export type BookingOwner = { customer_id: string; email?: undefined } | { email: string; customer_id?: undefined }

/** The booking list filter for an owner; neither given is refused, never read as "every booking". */
export function ownerFilter(owner: { customer_id?: string | null; email?: string | null }): { customer_id: string } | { email: string } {
  if (owner.customer_id) return { customer_id: owner.customer_id }
  if (owner.email) return { email: owner.email.trim().toLowerCase() }
  throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Sign in to see or change this booking")
}
