import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ProfileKind, ProfileStatus } from "@fieldservice/contract"
import { CUSTOMER_PROFILE_MODULE, type CustomerProfileModuleService } from "../../../modules/customer-profile"

export type CustomerProfileChanges = {
  kind?: ProfileKind
  status?: ProfileStatus
  email_verified_at?: Date | null
  additional_names?: string[]
  marketing_emails?: boolean
  reminder_emails?: boolean
  feedback_emails?: boolean
  tax_exempt?: boolean
  tax_rate_override?: number | null
  payment_terms_days?: number | null
  internal_notes?: string | null
  tags?: string[]
  billing_same_as_booking?: boolean
  picture_file_id?: string | null
  picture_url?: string | null
}

type ProfileRecord = { id: string; status: ProfileStatus; status_changed_at?: Date | null } & Record<string, unknown>

export const updateCustomerProfileStep = createStep(
  "update-customer-profile",
  async (input: { id: string; changes: CustomerProfileChanges }, { container }) => {
    const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    const before = (await profiles.retrieveCustomerProfile(input.id)) as unknown as ProfileRecord
    const statusChanged = input.changes.status !== undefined && input.changes.status !== before.status
    const after = (await profiles.updateCustomerProfiles({
      id: input.id,
      ...input.changes,
      ...(statusChanged ? { status_changed_at: new Date() } : {}),
    } as never)) as unknown as ProfileRecord
    // Compensation puts back exactly the fields this step changed.
    const changedKeys = [...Object.keys(input.changes), ...(statusChanged ? ["status_changed_at"] : [])]
    const previous = Object.fromEntries(changedKeys.map((key) => [key, before[key] ?? null]))
    return new StepResponse({ before, after }, { id: before.id, ...previous })
  },
  async (previous, { container }) => {
    if (!previous) return
    const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    await profiles.updateCustomerProfiles(previous as never)
  }
)
