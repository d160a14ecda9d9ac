import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOM_FIELDS_MODULE, type CustomFieldsModuleService } from "../../modules/custom-fields"
import { DEPENDENTS_MODULE, type DependentsModuleService } from "../../modules/dependents"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep, type ActivityEntry } from "../customer-profile/steps/record-activity"

export type DependentTypeFields = { label_singular: string; label_plural: string; rank?: number }

const createDependentTypeStep = createStep(
  "create-dependent-type",
  async (input: DependentTypeFields, { container }) => {
    const service: DependentsModuleService = container.resolve(DEPENDENTS_MODULE)
    const created = await service.createDependentTypes(input)
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (!id) return
    const service: DependentsModuleService = container.resolve(DEPENDENTS_MODULE)
    await service.deleteDependentTypes(id)
  }
)

const updateDependentTypeStep = createStep(
  "update-dependent-type",
  async (input: { id: string; changes: Partial<DependentTypeFields> }, { container }) => {
    const service: DependentsModuleService = container.resolve(DEPENDENTS_MODULE)
    const before = await service.retrieveDependentType(input.id)
    const after = await service.updateDependentTypes({ id: input.id, ...input.changes })
    const { label_singular, label_plural, rank } = before
    return new StepResponse(after, { id: input.id, label_singular, label_plural, rank })
  },
  async (previous, { container }) => {
    if (!previous) return
    const service: DependentsModuleService = container.resolve(DEPENDENTS_MODULE)
    await service.updateDependentTypes(previous)
  }
)

const formatValue = (value: unknown) => (typeof value === "boolean" ? (value ? "Yes" : "No") : String(value))

/** One history line per dependent of the type, with its field values, on its customer. */
const collectDependentsOfTypeStep = createStep(
  "collect-dependents-of-type",
  async (input: { id: string; actor: ActivityActor | string | null }, { container }) => {
    const dependents: DependentsModuleService = container.resolve(DEPENDENTS_MODULE)
    const fields: CustomFieldsModuleService = container.resolve(CUSTOM_FIELDS_MODULE)
    const type = await dependents.retrieveDependentType(input.id)
    const list = await dependents.listDependents({ type_id: input.id }, { select: ["id", "name", "notes", "customer_id"] })
    const definitions = await fields.listDefinitions({ target_type: "dependent_type", target_id: input.id })
    const labels = new Map(definitions.map((field) => [field.key, field.label]))
    const values = await fields.valuesFor(
      "dependent",
      list.map((dependent) => dependent.id)
    )
    const entries: ActivityEntry[] = list.map((dependent) => {
      const own = values[dependent.id] ?? {}
      const details = Object.entries(own).map(([key, value]) => `${labels.get(key) ?? key}: ${formatValue(value)}`)
      if (dependent.notes) details.push(`Notes: ${dependent.notes}`)
      return {
        customer_id: dependent.customer_id,
        kind: "dependent_type_deleted",
        message: `${type.label_plural} were removed from the settings, with ${type.label_singular.toLowerCase()} “${dependent.name}”${
          details.length ? ` (${details.join("; ")})` : ""
        }.`,
        data: { dependent_type: type.label_plural, dependent_id: dependent.id, name: dependent.name, notes: dependent.notes, values: own },
        actor: input.actor,
      }
    })
    return new StepResponse({ entries, dependentIds: list.map((dependent) => dependent.id), fieldIds: definitions.map((field) => field.id) })
  }
)

const softDeleteDependentTypeStep = createStep(
  "soft-delete-dependent-type",
  async (input: { id: string; dependentIds: string[]; fieldIds: string[] }, { container }) => {
    const dependents: DependentsModuleService = container.resolve(DEPENDENTS_MODULE)
    const fields: CustomFieldsModuleService = container.resolve(CUSTOM_FIELDS_MODULE)
    if (input.dependentIds.length) await dependents.softDeleteDependents(input.dependentIds)
    if (input.fieldIds.length) await fields.softDeleteCustomFields(input.fieldIds)
    await dependents.softDeleteDependentTypes(input.id)
    return new StepResponse({ id: input.id }, input)
  },
  async (input, { container }) => {
    if (!input) return
    const dependents: DependentsModuleService = container.resolve(DEPENDENTS_MODULE)
    const fields: CustomFieldsModuleService = container.resolve(CUSTOM_FIELDS_MODULE)
    await dependents.restoreDependentTypes(input.id)
    if (input.dependentIds.length) await dependents.restoreDependents(input.dependentIds)
    if (input.fieldIds.length) await fields.restoreCustomFields(input.fieldIds)
  }
)

export const createDependentTypeWorkflow = createWorkflow(
  "create-dependent-type",
  (input: DependentTypeFields) => new WorkflowResponse(createDependentTypeStep(input))
)

export const updateDependentTypeWorkflow = createWorkflow(
  "update-dependent-type",
  (input: { id: string; changes: Partial<DependentTypeFields> }) => new WorkflowResponse(updateDependentTypeStep(input))
)

/** Removes a type with its dependents and fields; each dependent is written into its customer's history first. */
export const deleteDependentTypeWorkflow = createWorkflow("delete-dependent-type", (input: { id: string; actor: ActivityActor | string | null }) => {
  const collected = collectDependentsOfTypeStep(input)
  recordActivityStep(collected.entries)
  return new WorkflowResponse(softDeleteDependentTypeStep({ id: input.id, dependentIds: collected.dependentIds, fieldIds: collected.fieldIds }))
})
