import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  CUSTOMER_PROFILE_MODULE,
  type CustomerProfileModuleService,
  type ProfileKind,
  type ProfileStatus,
} from "../../../modules/customer-profile"

export type CustomerProfileChanges = {
  kind?: ProfileKind
  status?: ProfileStatus
  email_verified_at?: Date | null
}

export const updateCustomerProfileStep = createStep(
  "update-customer-profile",
  async (input: { id: string; changes: CustomerProfileChanges }, { container }) => {
    const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    const before = await profiles.retrieveCustomerProfile(input.id)
    const statusChanged = input.changes.status !== undefined && input.changes.status !== before.status
    const after = await profiles.updateCustomerProfiles({
      id: input.id,
      ...input.changes,
      ...(statusChanged ? { status_changed_at: new Date() } : {}),
    })
    return new StepResponse(
      { before, after },
      {
        id: before.id,
        kind: before.kind,
        status: before.status,
        status_changed_at: before.status_changed_at,
        email_verified_at: before.email_verified_at,
      }
    )
  },
  async (previous, { container }) => {
    if (!previous) return
    const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    await profiles.updateCustomerProfiles(previous)
  }
)
