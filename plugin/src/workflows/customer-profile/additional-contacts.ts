import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_PROFILE_MODULE, type CustomerProfileModuleService } from "../../modules/customer-profile"
import { ensureCustomerProfileStep } from "./steps/ensure-customer-profile"

export type AdditionalContactFields = { name: string; role?: string | null; emails: string[]; phones: string[] }

const createAdditionalContactStep = createStep(
  "create-additional-contact",
  async (input: { profile_id: string; data: AdditionalContactFields }, { container }) => {
    const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    const created = await profiles.createAdditionalContacts({ ...input.data, profile_id: input.profile_id } as never)
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (!id) return
    const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    await profiles.deleteAdditionalContacts(id)
  }
)

const updateAdditionalContactStep = createStep(
  "update-additional-contact",
  async (input: { profile_id: string; id: string; data: Partial<AdditionalContactFields> }, { container }) => {
    const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    const before = await profiles.retrieveOwnedAdditionalContact(input.profile_id, input.id)
    const after = await profiles.updateAdditionalContacts({ id: input.id, ...input.data } as never)
    const previous = { id: before.id, name: before.name, role: before.role, emails: before.emails, phones: before.phones }
    return new StepResponse(after, previous)
  },
  async (previous, { container }) => {
    if (!previous) return
    const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    await profiles.updateAdditionalContacts(previous as never)
  }
)

const deleteAdditionalContactStep = createStep(
  "delete-additional-contact",
  async (input: { profile_id: string; id: string }, { container }) => {
    const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    await profiles.retrieveOwnedAdditionalContact(input.profile_id, input.id)
    await profiles.softDeleteAdditionalContacts(input.id)
    return new StepResponse({ id: input.id }, input.id)
  },
  async (id, { container }) => {
    if (!id) return
    const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    await profiles.restoreAdditionalContacts(id)
  }
)

// Each workflow starts from the customer's profile, so a contact id from another customer is "not found".
export const createAdditionalContactWorkflow = createWorkflow(
  "create-additional-contact",
  (input: { customer_id: string; data: AdditionalContactFields }) => {
    const profile = ensureCustomerProfileStep({ customer_id: input.customer_id })
    return new WorkflowResponse(
      createAdditionalContactStep(transform({ profile, input }, ({ profile, input }) => ({ profile_id: profile.id, data: input.data })))
    )
  }
)

export const updateAdditionalContactWorkflow = createWorkflow(
  "update-additional-contact",
  (input: { customer_id: string; id: string; data: Partial<AdditionalContactFields> }) => {
    const profile = ensureCustomerProfileStep({ customer_id: input.customer_id })
    return new WorkflowResponse(
      updateAdditionalContactStep(
        transform({ profile, input }, ({ profile, input }) => ({ profile_id: profile.id, id: input.id, data: input.data }))
      )
    )
  }
)

export const deleteAdditionalContactWorkflow = createWorkflow(
  "delete-additional-contact",
  (input: { customer_id: string; id: string }) => {
    const profile = ensureCustomerProfileStep({ customer_id: input.customer_id })
    return new WorkflowResponse(
      deleteAdditionalContactStep(transform({ profile, input }, ({ profile, input }) => ({ profile_id: profile.id, id: input.id })))
    )
  }
)
