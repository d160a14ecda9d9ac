import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  CUSTOM_FIELDS_MODULE,
  definitionSchema,
  type CustomFieldDefinitionData,
  type CustomFieldDefinitionInput,
  type CustomFieldsModuleService,
} from "../../modules/custom-fields"
import { DEPENDENTS_MODULE, type DependentsModuleService } from "../../modules/dependents"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep, type ActivityEntry } from "../customer-profile/steps/record-activity"

type StoredDefinition = CustomFieldDefinitionData & { id: string }

/** Turns zod issues into one sentence a person can act on. */
function parseDefinition(input: unknown): CustomFieldDefinitionData {
  const parsed = definitionSchema.safeParse(input)
  if (!parsed.success) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, parsed.error.issues.map((issue) => issue.message).join(". "))
  }
  return parsed.data
}

const createCustomFieldStep = createStep(
  "create-custom-field",
  async (input: { data: CustomFieldDefinitionInput }, { container }) => {
    const data = parseDefinition(input.data)
    const service: CustomFieldsModuleService = container.resolve(CUSTOM_FIELDS_MODULE)
    if (data.target_type === "dependent_type") {
      const dependents: DependentsModuleService = container.resolve(DEPENDENTS_MODULE)
      const [type] = await dependents.listDependentTypes({ id: data.target_id! }, { take: 1 })
      if (!type) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Dependent type ${data.target_id} was not found`)
    }
    const target =
      data.target_type === "customer" ? { target_type: "customer" as const } : { target_type: "dependent_type" as const, target_id: data.target_id! }
    const existing = await service.listDefinitions(target)
    if (existing.some((field) => field.key === data.key)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `There is already a field with the key "${data.key}". Choose another key.`)
    }
    const created = await service.createCustomFields(data as never)
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (!id) return
    const service: CustomFieldsModuleService = container.resolve(CUSTOM_FIELDS_MODULE)
    await service.deleteCustomFields(id)
  }
)

/** The fields staff may change once a field exists; key, type and target stay as they are. */
export type CustomFieldChanges = Partial<Pick<CustomFieldDefinitionInput, "label" | "required" | "visibility" | "rank" | "help_text" | "config">>

const updateCustomFieldStep = createStep(
  "update-custom-field",
  async (input: { id: string; changes: CustomFieldChanges }, { container }) => {
    const service: CustomFieldsModuleService = container.resolve(CUSTOM_FIELDS_MODULE)
    const before = (await service.retrieveCustomField(input.id)) as unknown as StoredDefinition
    const { target_type, target_id, key, type, label, required, visibility, rank, help_text, config } = before
    const merged = parseDefinition({
      ...{ target_type, target_id, key, type, label, required, visibility, rank, help_text, config },
      ...input.changes,
    })
    // Medusa merges JSON columns on update; clear the config first so a removed min/max stays removed.
    if (input.changes.config !== undefined) await service.updateCustomFields({ id: input.id, config: null } as never)
    const after = await service.updateCustomFields({ id: input.id, ...merged } as never)
    return new StepResponse(after, { id: input.id, label, required, visibility, rank, help_text, config })
  },
  async (previous, { container }) => {
    if (!previous) return
    const service: CustomFieldsModuleService = container.resolve(CUSTOM_FIELDS_MODULE)
    await service.updateCustomFields({ id: previous.id, config: null } as never)
    await service.updateCustomFields(previous as never)
  }
)

const formatValue = (value: unknown) => (typeof value === "boolean" ? (value ? "Yes" : "No") : `“${String(value)}”`)

/**
 * One history line per value the field held, on the customer it belongs to (for a dependent's
 * field, on the dependent's customer), so the values stay readable after the field is gone.
 */
const collectFieldValuesStep = createStep("collect-custom-field-values", async (input: { id: string; actor: ActivityActor | string | null }, { container }) => {
  const service: CustomFieldsModuleService = container.resolve(CUSTOM_FIELDS_MODULE)
  const field = (await service.retrieveCustomField(input.id)) as unknown as StoredDefinition
  const values = await service.listCustomFieldValues({ field_id: input.id }, { select: ["owner_type", "owner_id", "value"] })
  const dependentIds = values.filter((row) => row.owner_type === "dependent").map((row) => row.owner_id)
  const dependents = dependentIds.length
    ? await (container.resolve(DEPENDENTS_MODULE) as DependentsModuleService).listDependents(
        { id: dependentIds },
        { select: ["id", "name", "customer_id"], withDeleted: true }
      )
    : []
  const dependentById = new Map(dependents.map((dependent) => [dependent.id, dependent]))
  const entries: ActivityEntry[] = []
  for (const row of values) {
    const data = { field_key: field.key, field_label: field.label, value: row.value }
    if (row.owner_type === "customer") {
      entries.push({
        customer_id: row.owner_id,
        kind: "custom_field_deleted",
        message: `The field “${field.label}” was deleted. Its value was ${formatValue(row.value)}.`,
        data,
        actor: input.actor,
      })
    } else {
      const dependent = dependentById.get(row.owner_id)
      if (!dependent) continue
      entries.push({
        customer_id: dependent.customer_id,
        kind: "custom_field_deleted",
        message: `The field “${field.label}” was deleted. ${dependent.name}'s value was ${formatValue(row.value)}.`,
        data: { ...data, dependent_id: dependent.id, dependent_name: dependent.name },
        actor: input.actor,
      })
    }
  }
  return new StepResponse(entries)
})

const softDeleteCustomFieldStep = createStep(
  "soft-delete-custom-field",
  async (input: { id: string }, { container }) => {
    const service: CustomFieldsModuleService = container.resolve(CUSTOM_FIELDS_MODULE)
    await service.softDeleteCustomFields(input.id)
    return new StepResponse({ id: input.id }, input.id)
  },
  async (id, { container }) => {
    if (!id) return
    const service: CustomFieldsModuleService = container.resolve(CUSTOM_FIELDS_MODULE)
    await service.restoreCustomFields(id)
  }
)

export const createCustomFieldWorkflow = createWorkflow("create-custom-field", (input: { data: CustomFieldDefinitionInput }) => {
  return new WorkflowResponse(createCustomFieldStep(input))
})

export const updateCustomFieldWorkflow = createWorkflow(
  "update-custom-field",
  (input: { id: string; changes: CustomFieldChanges }) => new WorkflowResponse(updateCustomFieldStep(input))
)

/**
 * Deletes a field definition. The values stay stored (soft delete) and are copied into each
 * owner's activity history; the route asks staff to confirm first when there are any.
 */
export const deleteCustomFieldWorkflow = createWorkflow("delete-custom-field", (input: { id: string; actor: ActivityActor | string | null }) => {
  const entries = collectFieldValuesStep(input)
  recordActivityStep(entries)
  return new WorkflowResponse(softDeleteCustomFieldStep(transform({ input }, ({ input }) => ({ id: input.id }))))
})
