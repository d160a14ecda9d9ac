import { model } from "@medusajs/framework/utils"
import { CUSTOM_FIELD_TARGET_TYPES, CUSTOM_FIELD_TYPES, CUSTOM_FIELD_VISIBILITIES } from "@fieldservice/contract"
import CustomFieldValue from "./custom-field-value"

/**
 * A staff-defined field. Soft-deleted when removed, so the values already entered stay
 * readable. `config` holds the type's settings: `{ integer, min?, max? }` for numbers,
 * `{ options }` for dropdowns, null otherwise (see validation.ts).
 */
const CustomField = model
  .define("custom_field", {
    id: model.id({ prefix: "cfield" }).primaryKey(),
    target_type: model.enum([...CUSTOM_FIELD_TARGET_TYPES]),
    /** The dependent type's id; null for customer fields. */
    target_id: model.text().nullable(),
    key: model.text(),
    label: model.text(),
    type: model.enum([...CUSTOM_FIELD_TYPES]),
    required: model.boolean().default(false),
    visibility: model.enum([...CUSTOM_FIELD_VISIBILITIES]).default("staff"),
    rank: model.number().default(0),
    help_text: model.text().nullable(),
    config: model.json().nullable(),
    values: model.hasMany(() => CustomFieldValue, { mappedBy: "field" }),
  })
  .indexes([
    { on: ["target_type", "target_id", "rank"] },
    { on: ["target_type", "target_id", "key"], unique: true, where: "deleted_at IS NULL" },
    // Postgres treats NULLs as distinct, so customer fields (target_id null) need their own unique index.
    { on: ["target_type", "key"], unique: true, where: "target_id IS NULL AND deleted_at IS NULL" },
  ])

export default CustomField
