import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOM_FIELDS_MODULE, type CustomFieldScalar, type CustomFieldsModuleService } from "../../../modules/custom-fields"
import { undoable } from "./existing-customer-writes"
import type { ProfiledRow } from "./import-customer-profiles"

type JsonInput = Record<string, unknown>
type ValueUndo = { created: string[] } | { restore: { id: string; value: CustomFieldScalar }[] }

async function undoCustomFieldValues(container: MedusaContainer, records: ValueUndo[]) {
  const service: CustomFieldsModuleService = container.resolve(CUSTOM_FIELDS_MODULE)
  for (const record of [...records].reverse()) {
    if ("created" in record) {
      if (record.created.length) await service.deleteCustomFieldValues(record.created)
    } else if (record.restore.length) {
      await service.updateCustomFieldValues(record.restore.map((row) => ({ ...row, value: row.value as unknown as JsonInput })))
    }
  }
}

export const importCustomFieldValuesStepId = "import-custom-field-values"

/** Stores the filled custom field cells (already checked against the definitions when the row was read). */
export const importCustomFieldValuesStep = createStep(
  importCustomFieldValuesStepId,
  async (rows: ProfiledRow[], { container }) => {
    const service: CustomFieldsModuleService = container.resolve(CUSTOM_FIELDS_MODULE)
    const withValues = rows.filter(({ row }) => Object.keys(row.custom_fields).length)
    const { records } = await undoable<void, ValueUndo>(
      container,
      async (remember) => {
        if (!withValues.length) return
        const definitions = await service.listDefinitions({ target_type: "customer" })
        const fieldIdByKey = new Map(definitions.map((definition) => [definition.key, definition.id]))
        const stored = (await service.listCustomFieldValues(
          { owner_type: "customer", owner_id: withValues.map((item) => item.customer_id) },
          { select: ["id", "field_id", "owner_id", "value"], take: null }
        )) as unknown as { id: string; field_id: string; owner_id: string; value: CustomFieldScalar }[]
        const storedByKey = new Map(stored.map((value) => [`${value.owner_id}:${value.field_id}`, value]))

        const toCreate: { field_id: string; owner_type: "customer"; owner_id: string; value: CustomFieldScalar }[] = []
        const toUpdate: { id: string; value: JsonInput }[] = []
        const previous: { id: string; value: CustomFieldScalar }[] = []
        for (const { row, customer_id } of withValues) {
          for (const [key, value] of Object.entries(row.custom_fields)) {
            const field_id = fieldIdByKey.get(key)
            // The field was deleted while the import ran: the row can't be written as it is.
            if (!field_id) throw new MedusaError(MedusaError.Types.INVALID_DATA, `There is no custom field '${key}' any more`)
            const current = storedByKey.get(`${customer_id}:${field_id}`)
            if (!current) toCreate.push({ field_id, owner_type: "customer", owner_id: customer_id, value })
            else if (current.value !== value) {
              toUpdate.push({ id: current.id, value: value as unknown as JsonInput })
              previous.push({ id: current.id, value: current.value })
            }
          }
        }
        if (toUpdate.length) {
          await service.updateCustomFieldValues(toUpdate)
          remember({ restore: previous })
        }
        if (toCreate.length) {
          remember({ created: await service.insertValues(toCreate) })
        }
      },
      undoCustomFieldValues
    )
    return new StepResponse(undefined, records)
  },
  async (records, { container }) => {
    if (records) await undoCustomFieldValues(container, records)
  }
)
