/** What a field is attached to: every customer, or every record of one dependent type (e.g. "Pets"). */
export const CUSTOM_FIELD_TARGET_TYPES = ["customer", "dependent_type"] as const
export const CUSTOM_FIELD_TYPES = ["text", "number", "date", "dropdown", "boolean"] as const
/** "customer": shown to and editable by the customer in the portal; "staff": staff-only. */
export const CUSTOM_FIELD_VISIBILITIES = ["customer", "staff"] as const

export type CustomFieldTargetType = (typeof CUSTOM_FIELD_TARGET_TYPES)[number]
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number]
export type CustomFieldVisibility = (typeof CUSTOM_FIELD_VISIBILITIES)[number]

/** A number field's settings as stored and answered: a bound that is not set is left out. */
export type NumberFieldConfig = { integer: boolean; min?: number; max?: number }
/** A dropdown field's settings. */
export type DropdownFieldConfig = { options: string[] }
/** null for text, date and yes/no fields. */
export type CustomFieldConfig = NumberFieldConfig | DropdownFieldConfig | null

/** A stored value: text and dropdown as string, number as number, date as "YYYY-MM-DD", boolean as boolean; null when empty. */
export type CustomFieldValue = string | number | boolean | null
