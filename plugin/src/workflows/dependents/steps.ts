import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOM_FIELDS_MODULE, type CustomFieldsModuleService } from "../../modules/custom-fields"
import { DEPENDENTS_MODULE, type DependentsModuleService } from "../../modules/dependents"
import { type ActivityActor, type ActivityChange, describeChanges, diffFields } from "../customer-profile/activity"
import type { ActivityEntry } from "../customer-profile/steps/record-activity"

export type DependentFields = {
  name?: string
  notes?: string | null
  photo_file_id?: string | null
  photo_url?: string | null
}

type DependentRecord = { id: string; customer_id: string; type_id: string } & Record<string, unknown>

/** The customer's dependent (404 for anyone else's), with its type id for the field definitions. */
export const loadOwnedDependentStep = createStep("load-owned-dependent", async (input: { customer_id: string; id: string }, { container }) => {
  const service: DependentsModuleService = container.resolve(DEPENDENTS_MODULE)
  const dependent = (await service.retrieveOwnedDependent(input.customer_id, input.id)) as unknown as DependentRecord
  return new StepResponse({ id: dependent.id, customer_id: dependent.customer_id, type_id: dependent.type_id })
})

/** Before a dependent is added: the customer exists and the type is one staff have set up. */
export const checkNewDependentStep = createStep("check-new-dependent", async (input: { customer_id: string; type_id: string }, { container }) => {
  await container.resolve(Modules.CUSTOMER).retrieveCustomer(input.customer_id)
  const service: DependentsModuleService = container.resolve(DEPENDENTS_MODULE)
  const [type] = await service.listDependentTypes({ id: input.type_id }, { take: 1 })
  if (!type) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `There is no dependent type ${input.type_id}. Choose one of the types offered.`)
  }
  return new StepResponse(type)
})

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

/** A dependent as the activity history compares it: its details and field values, with labels. */
export type DependentState = {
  id: string
  customer_id: string
  type_label: string
  details: Record<string, unknown>
  values: Record<string, unknown>
  labels: Record<string, string>
}

const DEPENDENT_LABELS = { name: "Name", notes: "Notes", photo_url: "Photo" }

/** Reads a dependent (also a just-deleted one) for the activity history; nothing is written. */
export const readDependentStateStep = createStep("read-dependent-state", async (input: { id: string }, { container }) => {
  const service: DependentsModuleService = container.resolve(DEPENDENTS_MODULE)
  const fields: CustomFieldsModuleService = container.resolve(CUSTOM_FIELDS_MODULE)
  const [dependent] = (await service.listDependents({ id: input.id }, { take: 1, withDeleted: true, relations: ["type"] })) as unknown as (DependentRecord & {
    type?: { id: string; label_singular: string } | null
  })[]
  if (!dependent) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Dependent ${input.id} was not found`)
  const [values, definitions] = await Promise.all([
    fields.valuesFor("dependent", [dependent.id]),
    fields.listDefinitions({ target_type: "dependent_type", target_id: dependent.type_id }),
  ])
  const state: DependentState = {
    id: dependent.id,
    customer_id: dependent.customer_id,
    type_label: dependent.type?.label_singular ?? "Dependent",
    details: { name: dependent.name ?? null, notes: dependent.notes ?? null, photo_url: dependent.photo_url ?? null },
    values: { ...(values[dependent.id] ?? {}) },
    labels: Object.fromEntries(definitions.map((field) => [field.key, field.label])),
  }
  return new StepResponse(state)
})

/** One activity line for a dependent added, edited (details, photo, field values) or removed. */
export function dependentEntries(before: DependentState | null, after: DependentState | null, actor: ActivityActor | undefined): ActivityEntry[] {
  const dependent = (after ?? before)!
  const keys = [...new Set([...Object.keys(before?.values ?? {}), ...Object.keys(after?.values ?? {})])]
  const labels = Object.fromEntries(keys.map((key) => [key, dependent.labels[key] ?? before?.labels[key] ?? key]))
  const changes: ActivityChange[] = [...diffFields(before?.details, after?.details, DEPENDENT_LABELS), ...diffFields(before?.values, after?.values, labels)]
  if (!changes.length) return []
  const what = `${dependent.type_label} “${String(dependent.details.name)}”`
  const [kind, message] = !before
    ? ["dependent_added", `${what} added.`]
    : !after
      ? ["dependent_removed", `${what} removed.`]
      : ["dependent_updated", `${dependent.type_label} “${String(before.details.name)}”: ${describeChanges("Details", changes)}`]
  return [{ customer_id: dependent.customer_id, kind, message, changes, actor, data: { dependent_id: dependent.id } }]
}
