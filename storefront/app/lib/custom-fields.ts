import type { CustomFieldValue, BaseCustomField as CustomFieldDefinition, CustomFieldWithValue } from "@fieldservice/contract"
import { BUSINESS_LOCALE } from "@fieldservice/contract"

/** Every value as the form edits it: a boolean is "yes", "no" or "" (not answered). */
export type CustomFieldValues = Record<string, string>

/** Errors by field key. */
export type CustomFieldErrors = Record<string, string | undefined>

const PREFIX = "custom_fields."

/** The form field's name: `custom_fields.gate_code`. */
export const customFieldName = (key: string) => `${PREFIX}${key}`

/** A value as the form shows it. */
export function toFormValue(field: Pick<CustomFieldDefinition, "type">, value: CustomFieldValue | undefined): string {
  if (value === null || value === undefined) return ""
  if (field.type === "boolean") {
    if (typeof value === "boolean") return value ? "yes" : "no"
    return value === "true" ? "yes" : value === "false" ? "no" : ""
  }
  if (field.type === "date" && typeof value === "string") return value.slice(0, 10)
  return String(value)
}

/** The saved values of a profile's or a dependent's fields, as the form shows them. */
export function formValuesFrom(fields: CustomFieldWithValue[]): CustomFieldValues {
  const values: CustomFieldValues = {}
  for (const field of fields) values[field.key] = toFormValue(field, field.value)
  return values
}

/** Every `custom_fields.*` the form sent, trimmed. A boolean with neither radio picked is absent (""). */
export function readCustomFieldValues(form: FormData): CustomFieldValues {
  const values: CustomFieldValues = {}
  for (const [name, value] of form.entries()) {
    if (!name.startsWith(PREFIX) || typeof value !== "string") continue
    values[name.slice(PREFIX.length)] = value.trim()
  }
  return values
}

/** What the API takes for a form value. The backend checks it and answers 400 naming the field. */
export function toApiValue(field: Pick<CustomFieldDefinition, "type">, value: string): CustomFieldValue {
  if (value === "") return null
  switch (field.type) {
    case "number": {
      const number = Number(value)
      // Something that isn't a number is sent as typed, so the backend's message names the field.
      return Number.isFinite(number) ? number : value
    }
    case "boolean":
      return value === "yes" ? true : value === "no" ? false : null
    default:
      return value
  }
}

/**
 * The request's `custom_fields`. With `saved` (an update), only the fields whose value changed are
 * sent, so a field nobody touched is left as it is. Without it (a create), every filled field is sent.
 */
export function toCustomFieldInput(fields: CustomFieldDefinition[], values: CustomFieldValues, saved?: CustomFieldValues): Record<string, CustomFieldValue> {
  const input: Record<string, CustomFieldValue> = {}
  for (const field of fields) {
    const value = values[field.key] ?? ""
    if (saved) {
      if (value === (saved[field.key] ?? "")) continue
    } else if (value === "") {
      continue
    }
    input[field.key] = toApiValue(field, value)
  }
  return input
}

/**
 * The fields a 400 message is about. The backend starts it with the field's label
 * ("Weight (kg): must be at most 100"), or quotes it ("… for “Gate code”").
 */
export function customFieldErrorsFromMessage(message: string, fields: CustomFieldDefinition[]): CustomFieldErrors {
  const errors: CustomFieldErrors = {}
  const text = message.trim()
  // Longest label first: "Weight (kg)" should win over "Weight".
  const byLength = [...fields].sort((a, b) => b.label.length - a.label.length)
  for (const field of byLength) {
    const label = field.label.trim()
    if (!label) continue
    const lower = text.toLowerCase()
    const starts = lower.startsWith(`${label.toLowerCase()}:`) || lower.startsWith(`${label.toLowerCase()} `)
    const quoted = [`“${label}”`, `"${label}"`, `'${label}'`].some((q) => text.includes(q))
    if (starts || quoted) {
      errors[field.key] = text
      break
    }
  }
  return errors
}

const DATE_FORMAT = new Intl.DateTimeFormat(BUSINESS_LOCALE, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })

/** A value as My account shows it ("Yes", "12 March 2024"), or null when there is none. */
export function displayValue(field: Pick<CustomFieldWithValue, "type" | "value">): string | null {
  const { value } = field
  if (value === null || value === undefined || value === "") return null
  if (field.type === "boolean") {
    const form = toFormValue(field, value)
    return form === "yes" ? "Yes" : form === "no" ? "No" : null
  }
  if (field.type === "date" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value)) {
    const date = new Date(`${value.slice(0, 10)}T00:00:00Z`)
    return Number.isNaN(date.getTime()) ? value : DATE_FORMAT.format(date)
  }
  return String(value)
}

/** "Between 0 and 100.", "Whole numbers only." for a number field's hint. */
export function numberHint(field: Pick<CustomFieldDefinition, "type" | "config">): string | null {
  if (field.type !== "number" || !field.config || "options" in field.config) return null
  const { min, max, integer } = field.config
  const parts: string[] = []
  if (typeof min === "number" && typeof max === "number") parts.push(`Between ${min} and ${max}.`)
  else if (typeof min === "number") parts.push(`At least ${min}.`)
  else if (typeof max === "number") parts.push(`At most ${max}.`)
  if (integer) parts.push("Whole numbers only.")
  return parts.length ? parts.join(" ") : null
}
