import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

type CustomerWithProfile = { id: string; email: string; has_account: boolean; customer_profile?: { email_verified_at: Date | string | null } | null }

/**
 * Customers with a portal login whose email is confirmed (a verification link, an invite, a social
 * login or a booking number reached them there): only they can be given bookings made with that
 * email, so nobody gets another person's visits by signing up with their address.
 */
async function verifiedCustomers(container: MedusaContainer, filters: { id: string } | { email: string }) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "email", "has_account", "customer_profile.email_verified_at"],
    filters: { ...filters, has_account: true },
  })
  return (data as CustomerWithProfile[]).filter((customer) => !!customer.customer_profile?.email_verified_at)
}

export const findVerifiedCustomerStepId = "find-verified-customer-for-email"

/** The customer whose confirmed email this is (the oldest, should there be two), or null. */
export const findVerifiedCustomerStep = createStep(findVerifiedCustomerStepId, async (input: { email: string; customer_id?: string | null }, { container }) => {
  if (input.customer_id) return new StepResponse<string | null>(input.customer_id)
  const [customer] = await verifiedCustomers(container, { email: input.email.toLowerCase() })
  return new StepResponse<string | null>(customer?.id ?? null)
})

export const verifiedCustomerEmailStepId = "verified-customer-email"

/** The customer's email if it is confirmed, else null (nothing may be linked to it yet). */
export const verifiedCustomerEmailStep = createStep(verifiedCustomerEmailStepId, async (input: { customer_id: string }, { container }) => {
  const [customer] = await verifiedCustomers(container, { id: input.customer_id })
  return new StepResponse<string | null>(customer?.email.toLowerCase() ?? null)
})
