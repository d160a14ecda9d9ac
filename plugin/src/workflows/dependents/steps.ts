import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DEPENDENTS_MODULE, type DependentsModuleService } from "../../modules/dependents"

export type DependentFields = {
  name?: string
  notes?: string | null
  photo_file_id?: string | null
  photo_url?: string | null
}

type DependentRecord = { id: string; customer_id: string; type_id: string } & Record<string, unknown>

/** The customer's dependent (404 for anyone else's), with its type id for the field definitions. */
export const loadOwnedDependentStep = createStep(
  "load-owned-dependent",
  async (input: { customer_id: string; id: string }, { container }) => {
    const service: DependentsModuleService = container.resolve(DEPENDENTS_MODULE)
    const dependent = (await service.retrieveOwnedDependent(input.customer_id, input.id)) as unknown as DependentRecord
    return new StepResponse({ id: dependent.id, customer_id: dependent.customer_id, type_id: dependent.type_id })
  }
)

/** Before a dependent is added: the customer exists and the type is one staff have set up. */
export const checkNewDependentStep = createStep(
  "check-new-dependent",
  async (input: { customer_id: string; type_id: string }, { container }) => {
    await container.resolve(Modules.CUSTOMER).retrieveCustomer(input.customer_id)
    const service: DependentsModuleService = container.resolve(DEPENDENTS_MODULE)
    const [type] = await service.listDependentTypes({ id: input.type_id }, { take: 1 })
    if (!type) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `There is no dependent type ${input.type_id}. Choose one of the types offered.`)
    }
    return new StepResponse(type)
  }
)

export const createDependentStep = createStep(
  "create-dependent",
  async (input: { customer_id: string; type_id: string; name: string; notes?: string | null }, { container }) => {
    const service: DependentsModuleService = container.resolve(DEPENDENTS_MODULE)
    const created = await service.createDependents({
      customer_id: input.customer_id,
      type_id: input.type_id,
      name: input.name,
      notes: input.notes ?? null,
    } as never)
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (!id) return
    const service: DependentsModuleService = container.resolve(DEPENDENTS_MODULE)
    await service.deleteDependents(id)
  }
)

/** Changes the given fields; compensation puts exactly those back. */
export const updateDependentStep = createStep(
  "update-dependent",
  async (input: { id: string; data: DependentFields }, { container }) => {
    const service: DependentsModuleService = container.resolve(DEPENDENTS_MODULE)
    const before = (await service.retrieveDependent(input.id)) as unknown as DependentRecord
    if (!Object.keys(input.data).length) return new StepResponse({ before, after: before }, null as Record<string, unknown> | null)
    const after = (await service.updateDependents({ id: input.id, ...input.data } as never)) as unknown as DependentRecord
    const previous = Object.fromEntries(Object.keys(input.data).map((key) => [key, before[key] ?? null]))
    return new StepResponse({ before, after }, { id: input.id, ...previous } as Record<string, unknown> | null)
  },
  async (previous, { container }) => {
    if (!previous) return
    const service: DependentsModuleService = container.resolve(DEPENDENTS_MODULE)
    await service.updateDependents(previous as never)
  }
)

export const deleteDependentStep = createStep(
  "delete-dependent",
  async (input: { customer_id: string; id: string }, { container }) => {
    const service: DependentsModuleService = container.resolve(DEPENDENTS_MODULE)
    await service.retrieveOwnedDependent(input.customer_id, input.id)
    await service.softDeleteDependents(input.id)
    return new StepResponse({ id: input.id }, input.id)
  },
  async (id, { container }) => {
    if (!id) return
    const service: DependentsModuleService = container.resolve(DEPENDENTS_MODULE)
    await service.restoreDependents(id)
  }
)
