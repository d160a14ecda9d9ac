import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import type { CustomFieldTargetType } from "@fieldservice/contract"
import CustomField from "./models/custom-field"
import CustomFieldValue, { type CustomFieldOwnerType } from "./models/custom-field-value"
import type { CustomFieldScalar, FieldDefinition } from "./validation"
import { insertNew } from "../../utils/bulk-insert"
import { CUSTOM_FIELD_VALUE_TABLE, type NewCustomFieldValue } from "./bulk-tables"
import { sqlManager } from "../../utils/sql-manager"

/** Who fields are defined for: every customer, or one dependent type. */
export type CustomFieldTarget = { target_type: "customer" } | { target_type: "dependent_type"; target_id: string }

/** Whose values: one customer or one dependent. */
export type CustomFieldOwner = { owner_type: CustomFieldOwnerType; owner_id: string }

/** Values by owner id, then by field key. */
export type CustomFieldValuesByOwner = Record<string, Record<string, CustomFieldScalar>>

type StoredValue = { id: string; field_id: string; owner_id: string; value: unknown }
type StoredField = { id: string; key: string; deleted_at: Date | string | null }

class CustomFieldsModuleService extends MedusaService({ CustomField, CustomFieldValue }) {
  /** The target's live field definitions, ordered by rank (then key). */
  @InjectManager()
  async listDefinitions(target: CustomFieldTarget, options: { withDeleted?: boolean } = {}, @MedusaContext() sharedContext: Context = {}) {
    const target_id = target.target_type === "customer" ? null : target.target_id
    return await this.listCustomFields(
      { target_type: target.target_type as CustomFieldTargetType, target_id },
      { order: { rank: "ASC", key: "ASC" }, withDeleted: options.withDeleted ?? false },
      sharedContext
    )
  }

  /** How many values each field holds (fields without values are absent). */
  @InjectManager()
  async countValuesByField(fieldIds: string[], @MedusaContext() sharedContext: Context = {}): Promise<Record<string, number>> {
    if (!fieldIds.length) return {}
    const manager = sqlManager(sharedContext)
    const rows = await manager.execute(
      `SELECT field_id, count(*)::int AS count FROM custom_field_value WHERE deleted_at IS NULL AND field_id IN (${fieldIds.map(() => "?").join(", ")}) GROUP BY field_id`,
      fieldIds
    )
    return Object.fromEntries(rows.map((row) => [String(row.field_id), Number(row.count)]))
  }

  /**
   * The stored values of the given owners, keyed by owner id (every requested id gets an
   * entry) and then by field key. Values of soft-deleted fields stay readable; if a deleted
   * field and a live one share a key, the live field's value wins.
   */
  @InjectManager()
  async valuesFor(owner_type: CustomFieldOwnerType, owner_ids: string[], @MedusaContext() sharedContext: Context = {}): Promise<CustomFieldValuesByOwner> {
    const ids = [...new Set(owner_ids)]
    const result: CustomFieldValuesByOwner = Object.fromEntries(ids.map((id) => [id, {}]))
    if (!ids.length) return result

    const rows = (await this.listCustomFieldValues(
      { owner_type, owner_id: ids },
      { select: ["id", "field_id", "owner_id", "value"] },
      sharedContext
    )) as unknown as StoredValue[]
    if (!rows.length) return result

    const fields = (await this.listCustomFields(
      { id: [...new Set(rows.map((row) => row.field_id))] },
      { select: ["id", "key", "deleted_at"], withDeleted: true },
      sharedContext
    )) as unknown as StoredField[]
    const fieldsById = new Map(fields.map((field) => [field.id, field]))

    // Deleted fields first, so a live field with the same key overwrites them.
    const ordered = rows
      .map((row) => ({ row, field: fieldsById.get(row.field_id) }))
      .filter((entry): entry is { row: StoredValue; field: StoredField } => !!entry.field)
      .sort((a, b) => Number(!a.field.deleted_at) - Number(!b.field.deleted_at))
    for (const { row, field } of ordered) {
      result[row.owner_id][field.key] = row.value as CustomFieldScalar
    }
    return result
  }

  /**
   * Adds many owners' new values in one statement (the CSV import), already checked by
   * `validateCustomFieldValues`; the owner must not have a value for the field yet. Returns the ids.
   */
  // One statement, so atomic without a transaction of its own.
  @InjectManager()
  async insertValues(values: NewCustomFieldValue[], @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    return insertNew(sqlManager(sharedContext), CUSTOM_FIELD_VALUE_TABLE, values)
  }

  /**
   * Stores one owner's values, as returned by `validateCustomFieldValues` for the same
   * `definitions`: a value creates or updates the owner's row for that field, null deletes
   * it. Keys not in `values` are left alone. Runs in one transaction and returns the
   * owner's values afterwards (keyed by field key).
   */
  @InjectTransactionManager()
  async setValues(
    owner: CustomFieldOwner,
    definitions: readonly (FieldDefinition & { id: string })[],
    values: Record<string, CustomFieldScalar | null>,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Record<string, CustomFieldScalar>> {
    const fieldIdByKey = new Map(definitions.filter((def) => !def.deleted_at).map((def) => [def.key, def.id]))
    const changes = Object.entries(values).map(([key, value]) => {
      const field_id = fieldIdByKey.get(key)
      if (!field_id) throw new MedusaError(MedusaError.Types.INVALID_DATA, `There is no field '${key}'`)
      return { field_id, value }
    })

    if (changes.length) {
      const existing = (await this.listCustomFieldValues(
        { owner_type: owner.owner_type, owner_id: owner.owner_id, field_id: changes.map((change) => change.field_id) },
        { select: ["id", "field_id", "owner_id", "value"] },
        sharedContext
      )) as unknown as StoredValue[]
      const existingByField = new Map(existing.map((row) => [row.field_id, row]))

      const toDelete: string[] = []
      const toUpdate: { id: string; value: CustomFieldScalar }[] = []
      const toCreate: { field_id: string; owner_type: CustomFieldOwnerType; owner_id: string; value: CustomFieldScalar }[] = []
      for (const { field_id, value } of changes) {
        const row = existingByField.get(field_id)
        if (value === null) {
          if (row) toDelete.push(row.id)
        } else if (row) {
          if (row.value !== value) toUpdate.push({ id: row.id, value })
        } else {
          toCreate.push({ field_id, owner_type: owner.owner_type, owner_id: owner.owner_id, value })
        }
      }

      // The generated methods type `value` as a JSON object; it holds a JSON scalar here.
      type JsonInput = Record<string, unknown>
      if (toDelete.length) await this.deleteCustomFieldValues(toDelete, sharedContext)
      if (toUpdate.length) {
        await this.updateCustomFieldValues(
          toUpdate.map((row) => ({ ...row, value: row.value as unknown as JsonInput })),
          sharedContext
        )
      }
      if (toCreate.length) {
        await this.createCustomFieldValues(
          toCreate.map((row) => ({ ...row, value: row.value as unknown as JsonInput })),
          sharedContext
        )
      }
    }

    const after = await this.valuesFor(owner.owner_type, [owner.owner_id], sharedContext)
    return after[owner.owner_id]
  }
}

export default CustomFieldsModuleService
