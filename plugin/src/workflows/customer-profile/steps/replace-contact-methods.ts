import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_PROFILE_MODULE, type CustomerProfileModuleService } from "../../../modules/customer-profile"
import type { NormalizedContactMethod } from "../../../modules/customer-profile/contact-details"

type Saved = NormalizedContactMethod & { id: string }

/** Makes the profile's emails and numbers exactly `methods` (the edit form sends the whole list). */
export const replaceContactMethodsStep = createStep(
  "replace-contact-methods",
  async (input: { profile_id: string; methods: NormalizedContactMethod[] }, { container }) => {
    const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    const previous = (await profiles.listContactMethods({ profile_id: input.profile_id } as never)) as unknown as Saved[]
    if (previous.length) await profiles.deleteContactMethods(previous.map((method) => method.id))
    const created = input.methods.length
      ? await profiles.createContactMethods(input.methods.map((method) => ({ ...method, profile_id: input.profile_id })) as never)
      : []
    return new StepResponse(created, { profile_id: input.profile_id, previous, created: (created as Saved[]).map((m) => m.id) })
  },
  async (undo, { container }) => {
    if (!undo) return
    const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    if (undo.created.length) await profiles.deleteContactMethods(undo.created)
    if (undo.previous.length) {
      await profiles.createContactMethods(
        undo.previous.map(({ kind, value, normalized, is_primary }) => ({ kind, value, normalized, is_primary, profile_id: undo.profile_id })) as never
      )
    }
  }
)
