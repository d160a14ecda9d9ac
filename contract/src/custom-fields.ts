// Custom field definitions: /admin/custom-fields[/:id]; customers and dependents carry them with
// their values (profile, dependents). The rules (types, settings) are in rules/custom-fields.ts.
import type { CustomFieldConfig, CustomFieldType, CustomFieldValue, CustomFieldVisibility } from "./rules/custom-fields"

/** A definition as the API shows it. */
export type BaseCustomField = {
  id: string
  /** "gate_code" */
  key: string
  /** "Gate code" */
  label: string
  type: CustomFieldType
  required: boolean
  /** Staff-only fields never reach the portal. */
  visibility: CustomFieldVisibility
  rank: number
  help_text: string | null
  config: CustomFieldConfig
}

/** A definition as the admin list returns it, with how many customers or dependents have a value. */
export type AdminCustomField = BaseCustomField & { value_count: number }

/** What a set of fields belongs to: every customer, or every dependent of one type. */
export type CustomFieldTarget = { target_type: "customer" } | { target_type: "dependent_type"; target_id: string }

/** GET /admin/custom-fields?target_type=…[&target_id=…] */
export type AdminCustomFieldListResponse = { custom_fields: AdminCustomField[] }
/** POST /admin/custom-fields and /admin/custom-fields/:id; GET /admin/custom-fields/:id adds `value_count`. */
export type AdminCustomFieldResponse = { custom_field: BaseCustomField & { value_count?: number } }

/** Body of POST /admin/custom-fields. */
export type AdminCreateCustomField = {
  target_type: CustomFieldTarget["target_type"]
  target_id?: string
  key: string
  label: string
  type: CustomFieldType
  required?: boolean
  visibility?: CustomFieldVisibility
  rank?: number
  help_text?: string | null
  config?: CustomFieldConfigInput
}

/** Body of POST /admin/custom-fields/:id: key, type and target cannot change. */
export type AdminUpdateCustomField = Partial<Pick<AdminCreateCustomField, "label" | "required" | "visibility" | "rank" | "help_text" | "config">>

/** A field with the customer's or dependent's value (null when empty). */
export type CustomFieldWithValue = BaseCustomField & { value: CustomFieldValue }
export type StoreCustomFieldWithValue = CustomFieldWithValue
export type AdminCustomFieldWithValue = CustomFieldWithValue

/** Settings as staff send them: null clears a bound; the API keeps only what the type uses. */
export type CustomFieldConfigInput = { integer?: boolean | null; min?: number | null; max?: number | null; options?: string[] | null } | null

/** A DELETE that would remove values answers 409 with how many, unless `?confirm=true`. */
export type CustomFieldDeleteResponse = { id: string; object: "custom_field"; deleted: true }
