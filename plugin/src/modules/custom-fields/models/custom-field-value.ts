import { model } from "@medusajs/framework/utils"
import CustomField from "./custom-field"

export const CUSTOM_FIELD_OWNER_TYPES = ["customer", "dependent"] as const
export type CustomFieldOwnerType = (typeof CUSTOM_FIELD_OWNER_TYPES)[number]

/**
 * One owner's value for one field, stored already normalised (see validation.ts):
 * text and dropdown as a string, number as a number, date as "YYYY-MM-DD", boolean as a boolean.
 * An empty value is no row at all.
 */
const CustomFieldValue = model
  .define("custom_field_value", {
    id: model.id({ prefix: "cfval" }).primaryKey(),
    field: model.belongsTo(() => CustomField, { mappedBy: "values" }),
    owner_type: model.enum([...CUSTOM_FIELD_OWNER_TYPES]),
    owner_id: model.text(),
    value: model.json(),
  })
  .indexes([{ on: ["field_id", "owner_type", "owner_id"], unique: true, where: "deleted_at IS NULL" }, { on: ["owner_type", "owner_id"] }])

export default CustomFieldValue
