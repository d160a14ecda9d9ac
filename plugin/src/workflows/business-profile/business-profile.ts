import { Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { BUSINESS_PROFILE_MODULE, type BusinessProfileModuleService } from "../../modules/business-profile"

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
    return new StepResponse(after, previous)
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
    await service.retrieveOwnedBusinessProfile(input.customer_id, input.id)
    await service.softDeleteBusinessProfiles(input.id)
    return new StepResponse({ id: input.id, deleted: true }, input.id)
  },
  async (id: string | undefined, { container }) => {
    if (!id) return
    const service: BusinessProfileModuleService = container.resolve(BUSINESS_PROFILE_MODULE)
    await service.restoreBusinessProfiles(id)
  }
)

export const createBusinessProfileWorkflow = createWorkflow(
  "create-business-profile",
  (input: { customer_id: string; data: BusinessProfileFields }) => new WorkflowResponse(createBusinessProfileStep(input))
)

export const updateBusinessProfileWorkflow = createWorkflow(
  "update-business-profile",
  (input: { customer_id: string; id: string; data: Partial<BusinessProfileFields> }) =>
    new WorkflowResponse(updateBusinessProfileStep(input))
)

export const deleteBusinessProfileWorkflow = createWorkflow(
  "delete-business-profile",
  (input: { customer_id: string; id: string }) => new WorkflowResponse(deleteBusinessProfileStep(input))
)
