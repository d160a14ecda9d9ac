import { Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { BUSINESS_PROFILE_MODULE, type BusinessProfileModuleService } from "../../modules/business-profile"
import { ADDRESS_LABELS, type ActivityActor, describeChanges, diffFields, pickFields } from "../customer-profile/activity"
import { recordActivityStep, type ActivityEntry } from "../customer-profile/steps/record-activity"

export type BusinessProfileFields = {
  name: string
  billing_email: string
  tax_id?: string | null
  address_1: string
  address_2?: string | null
  city: string
  province?: string | null
  postal_code: string
  country_code: string
}

const BUSINESS_PROFILE_LABELS = {
  name: "Business name",
  billing_email: "Billing email",
  tax_id: "Tax ID",
  // The address parts as the address form names them.
  address_1: ADDRESS_LABELS.address_1,
  address_2: ADDRESS_LABELS.address_2,
  city: ADDRESS_LABELS.city,
  province: ADDRESS_LABELS.province,
  postal_code: ADDRESS_LABELS.postal_code,
  country_code: ADDRESS_LABELS.country_code,
}

type ProfileRecord = Record<string, unknown> & { id: string; name: string }

function businessProfileEntry(
  customerId: string,
  actor: ActivityActor | undefined,
  before: ProfileRecord | null,
  after: ProfileRecord | null
): ActivityEntry[] {
  const changes = diffFields(
    before && pickFields(before, BUSINESS_PROFILE_LABELS),
    after && pickFields(after, BUSINESS_PROFILE_LABELS),
    BUSINESS_PROFILE_LABELS
  )
  if (!changes.length) return []
  const profile = (after ?? before)!
  const [kind, message] = !before
    ? ["business_profile_added", `Business profile added: ${profile.name}.`]
    : !after
      ? ["business_profile_removed", `Business profile removed: ${profile.name}.`]
      : ["business_profile_updated", `Business profile ${before.name}: ${describeChanges("Business profile", changes)}`]
  return [{ customer_id: customerId, kind, message, changes, actor, data: { business_profile_id: profile.id } }]
}

const createBusinessProfileStep = createStep(
  "create-business-profile",
  async (input: { customer_id: string; data: BusinessProfileFields }, { container }) => {
    // Staff create profiles for the customer in the URL: it must exist (404 otherwise).
    await container.resolve(Modules.CUSTOMER).retrieveCustomer(input.customer_id)
    const service: BusinessProfileModuleService = container.resolve(BUSINESS_PROFILE_MODULE)
    const created = await service.createBusinessProfiles({ ...input.data, customer_id: input.customer_id })
    return new StepResponse(created, created.id)
  },
  async (id: string | undefined, { container }) => {
    if (!id) return
    const service: BusinessProfileModuleService = container.resolve(BUSINESS_PROFILE_MODULE)
    await service.deleteBusinessProfiles(id)
  }
)

const updateBusinessProfileStep = createStep(
  "update-business-profile",
  async (input: { customer_id: string; id: string; data: Partial<BusinessProfileFields> }, { container }) => {
    const service: BusinessProfileModuleService = container.resolve(BUSINESS_PROFILE_MODULE)
    const before = await service.retrieveOwnedBusinessProfile(input.customer_id, input.id)
    const after = await service.updateBusinessProfiles({ id: input.id, ...input.data })
    const { created_at: _c, updated_at: _u, deleted_at: _d, ...previous } = before as typeof before & Record<string, unknown>
    return new StepResponse({ before: previous as ProfileRecord, after }, previous)
  },
  async (previous, { container }) => {
    if (!previous) return
    const service: BusinessProfileModuleService = container.resolve(BUSINESS_PROFILE_MODULE)
    await service.updateBusinessProfiles(previous)
  }
)

const deleteBusinessProfileStep = createStep(
  "delete-business-profile",
  async (input: { customer_id: string; id: string }, { container }) => {
    const service: BusinessProfileModuleService = container.resolve(BUSINESS_PROFILE_MODULE)
    const before = await service.retrieveOwnedBusinessProfile(input.customer_id, input.id)
    await service.softDeleteBusinessProfiles(input.id)
    return new StepResponse({ id: input.id, deleted: true, before: before as unknown as ProfileRecord }, input.id)
  },
  async (id: string | undefined, { container }) => {
    if (!id) return
    const service: BusinessProfileModuleService = container.resolve(BUSINESS_PROFILE_MODULE)
    await service.restoreBusinessProfiles(id)
  }
)

export const createBusinessProfileWorkflow = createWorkflow(
  "create-business-profile",
  (input: { customer_id: string; data: BusinessProfileFields; actor?: ActivityActor }) => {
    const created = createBusinessProfileStep(transform({ input }, ({ input }) => ({ customer_id: input.customer_id, data: input.data })))
    recordActivityStep(
      transform({ input, created }, ({ input, created }) => businessProfileEntry(input.customer_id, input.actor, null, created as unknown as ProfileRecord))
    )
    return new WorkflowResponse(created)
  }
)

export const updateBusinessProfileWorkflow = createWorkflow(
  "update-business-profile",
  (input: { customer_id: string; id: string; data: Partial<BusinessProfileFields>; actor?: ActivityActor }) => {
    const result = updateBusinessProfileStep(transform({ input }, ({ input }) => ({ customer_id: input.customer_id, id: input.id, data: input.data })))
    recordActivityStep(
      transform({ input, result }, ({ input, result }) =>
        businessProfileEntry(input.customer_id, input.actor, result.before, result.after as unknown as ProfileRecord)
      )
    )
    return new WorkflowResponse(transform({ result }, ({ result }) => result.after))
  }
)

export const deleteBusinessProfileWorkflow = createWorkflow("delete-business-profile", (input: { customer_id: string; id: string; actor?: ActivityActor }) => {
  const removed = deleteBusinessProfileStep(transform({ input }, ({ input }) => ({ customer_id: input.customer_id, id: input.id })))
  recordActivityStep(transform({ input, removed }, ({ input, removed }) => businessProfileEntry(input.customer_id, input.actor, removed.before, null)))
  return new WorkflowResponse(transform({ removed }, ({ removed }) => ({ id: removed.id, deleted: removed.deleted })))
})
