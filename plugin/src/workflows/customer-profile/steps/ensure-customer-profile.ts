import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ProfileKind } from "@fieldservice/contract"
import { CUSTOMER_PROFILE_MODULE, type CustomerProfileModuleService } from "../../../modules/customer-profile"

export type EnsureCustomerProfileInput = {
  customer_id: string
  kind?: ProfileKind
}

type Created = { profile_id: string; customer_id: string } | null

/** Returns the customer's profile, creating it (and its link) when the customer has none yet. */
export const ensureCustomerProfileStep = createStep(
  "ensure-customer-profile",
  async (input: EnsureCustomerProfileInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "customer",
      fields: ["id", "customer_profile.*"],
      filters: { id: input.customer_id },
    })
    const customer = data[0]
    if (!customer) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${input.customer_id} was not found`)
    }
    if (customer.customer_profile) {
      return new StepResponse(customer.customer_profile, null as Created)
    }

    const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    const profile = await profiles.createCustomerProfiles({ kind: input.kind ?? "personal" })
    await link.create({
      [Modules.CUSTOMER]: { customer_id: input.customer_id },
      [CUSTOMER_PROFILE_MODULE]: { customer_profile_id: profile.id },
    })
    return new StepResponse(profile, { profile_id: profile.id, customer_id: input.customer_id } as Created)
  },
  async (created: Created | undefined, { container }) => {
    if (!created) return
    const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    await link.dismiss({
      [Modules.CUSTOMER]: { customer_id: created.customer_id },
      [CUSTOMER_PROFILE_MODULE]: { customer_profile_id: created.profile_id },
    })
    await profiles.deleteCustomerProfiles(created.profile_id)
  }
)
