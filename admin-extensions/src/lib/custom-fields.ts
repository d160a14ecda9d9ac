import type {
  CustomFieldType,
  CustomFieldVisibility,
  NumberFieldConfig,
  BaseCustomField as CustomFieldDefinition,
  CustomFieldTarget,
} from "@fieldservice/contract"

export const CUSTOM_FIELD_TYPE_LABELS: Record<CustomFieldType, string> = {
  text: "Text",
  number: "Number",
  date: "Date",
  dropdown: "Dropdown",
  boolean: "Yes/no",
}

export const VISIBILITY_LABELS: Record<CustomFieldVisibility, string> = {
  customer: "Customer can see and edit",
  staff: "Staff only",
}

export const customFieldsPath = (id?: string) => (id ? `/admin/custom-fields/${id}` : "/admin/custom-fields")
export const dependentTypesPath = (id?: string) => (id ? `/admin/dependent-types/${id}` : "/admin/dependent-types")
export const PORTAL_SETTINGS_PATH = "/admin/portal/settings"

/** The list of one target's fields. */
export function customFieldsListPath(target: CustomFieldTarget): string {
  const query = new URLSearchParams({ target_type: target.target_type })
  if (target.target_type === "dependent_type") query.set("target_id", target.target_id)
  return `${customFieldsPath()}?${query}`
}

export const customFieldQueryKeys = {
  all: ["custom-fields"] as const,
  list: (target: CustomFieldTarget) => ["custom-fields", target.target_type, target.target_type === "dependent_type" ? target.target_id : null] as const,
  dependentTypes: ["dependent-types"] as const,
}

export const KEY_MAX_LENGTH = 64
/** lowercase_with_underscores starting with a letter, as the API requires. */
export const KEY_PATTERN = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/

/** The key suggested for a label: "Gate code" → "gate_code", "2nd phone" → "field_2nd_phone". */
export function suggestKey(label: string): string {
  let key = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
  if (key && !/^[a-z]/.test(key)) key = `field_${key}`
  return key.slice(0, KEY_MAX_LENGTH).replace(/_+$/, "")
}

/** Sorted by rank; fields with the same rank keep the API's order. */
export function byRank<T extends { rank: number }>(items: T[]): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => a.item.rank - b.item.rank || a.index - b.index)
    .map(({ item }) => item)
}

/** A number field's settings, whatever of them it has. */
export const numberFieldConfig = (field: Pick<CustomFieldDefinition, "type" | "config">): NumberFieldConfig | null =>
  field.type === "number" && field.config && !("options" in field.config) ? field.config : null

/** A dropdown field's options. */
export const dropdownFieldOptions = (field: Pick<CustomFieldDefinition, "type" | "config">): string[] =>
  field.type === "dropdown" && field.config && "options" in field.config ? (field.config.options ?? []) : []

/** A short description of a field's settings for the table: "Whole number, 0–10", "3 options". */
export function describeConfig(field: Pick<CustomFieldDefinition, "type" | "config">): string {
  if (field.type === "dropdown") return dropdownFieldOptions(field).join(", ")
  const config = numberFieldConfig(field)
  if (config) {
    const parts: string[] = []
    if (config.integer) parts.push("whole numbers")
    const { min, max } = config
    if (min != null && max != null) parts.push(`${min} to ${max}`)
    else if (min != null) parts.push(`at least ${min}`)
    else if (max != null) parts.push(`at most ${max}`)
    const text = parts.join(", ")
    return text.charAt(0).toUpperCase() + text.slice(1)
  }
  return ""
}

/** What a DELETE that may need confirming came to. */
export type DeleteOutcome = { deleted: true } | { deleted: false; message: string; count: number | null }

/**
 * DELETE a field or dependent type. When values or dependents exist the API answers 409 with a
 * message and a count unless `confirm` is set; that answer is returned rather than thrown, so the
 * caller can ask staff and call again with `confirm`. Other errors throw with the API's message.
 *
 * This uses fetch itself because the SDK's errors carry only the message, not the 409's count.
 * The admin signs in with a session cookie on the same origin, which fetch sends.
 */
export async function deleteWithConfirmation(path: string, confirm: boolean): Promise<DeleteOutcome> {
  const response = await fetch(confirm ? `${path}?confirm=true` : path, {
    method: "DELETE",
    credentials: "include",
    headers: { accept: "application/json" },
  })
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null
  const message = typeof body?.message === "string" && body.message ? body.message : null
  if (response.status === 409 && !confirm) {
    const count = [body?.value_count, body?.dependent_count, body?.count].find((value): value is number => typeof value === "number")
    return { deleted: false, message: message ?? "This has data that will be removed too.", count: count ?? null }
  }
  if (!response.ok) {
    throw new Error(message ?? `The delete failed (${response.status} ${response.statusText}).`)
  }
  return { deleted: true }
}
