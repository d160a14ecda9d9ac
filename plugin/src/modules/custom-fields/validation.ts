import { z } from "@medusajs/framework/zod"
import {
  CUSTOM_FIELD_TARGET_TYPES,
  CUSTOM_FIELD_TYPES,
  CUSTOM_FIELD_VISIBILITIES,
  type CustomFieldConfig,
  type CustomFieldType,
  type CustomFieldVisibility,
  type NumberFieldConfig,
} from "@fieldservice/contract"

/*
 * Pure checks for custom fields: no database, so API routes, workflows and tests share them.
 * Definitions are checked with `definitionSchema`; values entered by staff or customers
 * with `validateCustomFieldValues`.
 */

export const KEY_MAX_LENGTH = 64
export const LABEL_MAX_LENGTH = 100
export const HELP_TEXT_MAX_LENGTH = 500
export const OPTION_MAX_LENGTH = 200
export const MAX_OPTIONS = 100
export const TEXT_VALUE_MAX_LENGTH = 2000
/** Dropdown errors list the options when there are at most this many. */
const OPTIONS_LISTED_IN_ERRORS = 10

/** lowercase snake_case starting with a letter: "pool_volume", "serial_number2". */
export const KEY_PATTERN = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/

const TYPE_NAMES: Record<CustomFieldType, string> = {
  text: "text",
  number: "number",
  date: "date",
  dropdown: "dropdown",
  boolean: "yes/no (boolean)",
}

// ---------------------------------------------------------------------------
// Definitions
// ---------------------------------------------------------------------------

const typeName = (input: unknown) => (input === null ? "null" : Array.isArray(input) ? "a list" : typeof input)

const requiredText = (label: string, max: number) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? `${label} is required` : `${label} must be text`) })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`)

const bound = (label: string) =>
  z
    .number({
      // zod 4 refuses NaN and ±Infinity as not-a-number too.
      error: (iss) => (typeof iss.input === "number" ? `${label} must be a finite number` : `${label} must be a number, not ${typeName(iss.input)}`),
    })
    .nullish()

const configSchema = z.strictObject(
  {
    min: bound("Minimum"),
    max: bound("Maximum"),
    integer: z.boolean({ error: "The whole-number setting must be true or false" }).nullish(),
    options: z.array(z.string({ error: "Each option must be text" }), { error: "Options must be a list of text" }).nullish(),
  },
  {
    error: (iss) => {
      if (iss.code === "unrecognized_keys") return `Unknown setting${iss.keys.length > 1 ? "s" : ""}: ${iss.keys.join(", ")}`
      if (iss.code === "invalid_type") return "Settings (config) must be an object"
      return undefined
    },
  }
)

/**
 * A field definition as staff submit it. Parsing trims text, applies the defaults
 * (required false, visibility "staff", rank 0) and reduces `config` to what the type uses:
 * `{ integer, min?, max? }` for number, `{ options }` (trimmed) for dropdown, null otherwise.
 * For an update, merge the stored definition with the changes and parse the result.
 */
export const definitionSchema = z
  .strictObject(
    {
      target_type: z.enum(CUSTOM_FIELD_TARGET_TYPES, {
        error: (iss) => (iss.input === undefined ? "Target type is required" : 'Target type must be "customer" or "dependent_type"'),
      }),
      target_id: z.string({ error: "Target id must be text" }).trim().nullish(),
      key: requiredText("Key", KEY_MAX_LENGTH).regex(
        KEY_PATTERN,
        "Key must be lowercase letters, digits and single underscores, starting with a letter (like pool_volume)"
      ),
      label: requiredText("Label", LABEL_MAX_LENGTH),
      type: z.enum(CUSTOM_FIELD_TYPES, {
        error: (iss) => (iss.input === undefined ? "Type is required" : `Type must be one of ${CUSTOM_FIELD_TYPES.map((type) => TYPE_NAMES[type]).join(", ")}`),
      }),
      required: z.boolean({ error: "Required must be true or false" }).default(false),
      visibility: z.enum(CUSTOM_FIELD_VISIBILITIES, { error: 'Visibility must be "customer" or "staff"' }).default("staff"),
      rank: z
        .number({ error: "Rank must be a number" })
        .int("Rank must be a whole number")
        .min(0, "Rank cannot be negative")
        .max(1_000_000, "Rank must be at most 1000000")
        .default(0),
      help_text: z
        .string({ error: "Help text must be text" })
        .trim()
        .max(HELP_TEXT_MAX_LENGTH, `Help text must be at most ${HELP_TEXT_MAX_LENGTH} characters`)
        .nullish(),
      config: configSchema.nullish(),
    },
    {
      error: (iss) => {
        if (iss.code === "unrecognized_keys") return `Unknown propert${iss.keys.length > 1 ? "ies" : "y"}: ${iss.keys.join(", ")}`
        if (iss.code === "invalid_type") return "A field definition must be an object"
        return undefined
      },
    }
  )
  .superRefine((def, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message })

    if (def.target_type === "customer" && def.target_id) {
      issue(["target_id"], "Customer fields do not belong to a dependent type, so target_id must be empty")
    }
    if (def.target_type === "dependent_type" && !def.target_id) {
      issue(["target_id"], "Choose the dependent type this field belongs to (target_id)")
    }

    const config = def.config ?? {}
    const hasBounds = config.min != null || config.max != null
    if (def.type !== "number") {
      if (hasBounds) issue(["config"], "Minimum and maximum only apply to number fields")
      if (config.integer != null) issue(["config", "integer"], "The whole-number setting only applies to number fields")
    }
    if (def.type !== "dropdown" && config.options != null) {
      issue(["config", "options"], "Options only apply to dropdown fields")
    }

    if (def.type === "number") {
      const { min, max } = config
      if (min != null && max != null && min > max) {
        issue(["config", "max"], `Maximum (${max}) must not be less than minimum (${min})`)
      }
      if (config.integer) {
        if (min != null && !Number.isInteger(min)) issue(["config", "min"], "Minimum must be a whole number for a whole-number field")
        if (max != null && !Number.isInteger(max)) issue(["config", "max"], "Maximum must be a whole number for a whole-number field")
      }
    }

    if (def.type === "dropdown") {
      const options = config.options ?? []
      if (options.length === 0) issue(["config", "options"], "A dropdown needs at least one option")
      if (options.length > MAX_OPTIONS) issue(["config", "options"], `A dropdown can have at most ${MAX_OPTIONS} options`)
      const seen = new Set<string>()
      options.forEach((raw, index) => {
        const option = raw.trim()
        if (!option) issue(["config", "options", index], `Option ${index + 1} is empty`)
        else if (option.length > OPTION_MAX_LENGTH) {
          issue(["config", "options", index], `Option ${index + 1} must be at most ${OPTION_MAX_LENGTH} characters`)
        } else if (seen.has(option)) issue(["config", "options", index], `Option "${option}" is listed more than once`)
        seen.add(option)
      })
    }
  })
  .transform((def) => {
    let config: CustomFieldConfig = null
    if (def.type === "number") {
      const number: NumberFieldConfig = { integer: def.config?.integer ?? false }
      if (def.config?.min != null) number.min = def.config.min
      if (def.config?.max != null) number.max = def.config.max
      config = number
    } else if (def.type === "dropdown") {
      config = { options: (def.config?.options ?? []).map((option) => option.trim()) }
    }
    return {
      target_type: def.target_type,
      target_id: def.target_type === "customer" ? null : (def.target_id ?? null),
      key: def.key,
      label: def.label,
      type: def.type,
      required: def.required,
      visibility: def.visibility,
      rank: def.rank,
      help_text: def.help_text ? def.help_text : null,
      config,
    }
  })

export type CustomFieldDefinitionInput = z.input<typeof definitionSchema>
export type CustomFieldDefinitionData = z.output<typeof definitionSchema>

// ---------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------

/** What a definition must provide to check values against it (a stored custom_field row fits). */
export type FieldDefinition = {
  key: string
  label: string
  type: CustomFieldType
  required: boolean
  visibility: CustomFieldVisibility
  rank: number
  config?: unknown
  deleted_at?: Date | string | null
}

/** A stored value: text and dropdown as string, number as number, date as "YYYY-MM-DD", boolean as boolean. */
export type CustomFieldScalar = string | number | boolean

export type Audience = "customer" | "staff"

export type CustomFieldValueError = { key: string; label: string; message: string }

export type ValidateValuesResult = { ok: true; values: Record<string, CustomFieldScalar | null> } | { ok: false; errors: CustomFieldValueError[] }

export type ValidateValuesOptions = {
  /** "customer" only sees (and may only write) fields with visibility "customer". */
  audience: Audience
  /**
   * false: the input is the whole form — every visible field is checked, required ones must
   * be filled, and the result has every visible key (null for the empty ones).
   * true: only the keys present are checked and returned.
   */
  partial: boolean
}

const byRank = <T extends Pick<FieldDefinition, "rank" | "key">>(a: T, b: T) => a.rank - b.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)

const isLive = (def: Pick<FieldDefinition, "deleted_at">) => !def.deleted_at

/** The live fields the audience may see, ordered by rank (then key). */
export function visibleFields<T extends FieldDefinition>(definitions: readonly T[], audience: Audience): T[] {
  return definitions.filter((def) => isLive(def) && (audience === "staff" || def.visibility === "customer")).sort(byRank)
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value)

/** The number settings of a definition, read defensively (config is JSON from the database). */
export function numberConfig(def: Pick<FieldDefinition, "config">): NumberFieldConfig {
  const config = isRecord(def.config) ? def.config : {}
  const result: NumberFieldConfig = { integer: config.integer === true }
  if (typeof config.min === "number" && Number.isFinite(config.min)) result.min = config.min
  if (typeof config.max === "number" && Number.isFinite(config.max)) result.max = config.max
  return result
}

/** The options of a dropdown definition, read defensively. */
export function dropdownOptions(def: Pick<FieldDefinition, "config">): string[] {
  const options = isRecord(def.config) ? def.config.options : undefined
  return Array.isArray(options) ? options.filter((option): option is string => typeof option === "string") : []
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/
const NUMBER_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/

/** True for "YYYY-MM-DD" strings naming a real calendar day (leap years included). */
export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (year < 1 || month < 1 || month > 12 || day < 1) return false
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
  return day <= days
}

/** Null, undefined, and blank strings all mean "no value". */
const isEmpty = (value: unknown) => value === null || value === undefined || (typeof value === "string" && value.trim() === "")

const formatNumber = (value: number) => String(value)

type Normalised = { value: CustomFieldScalar } | { error: string }

/** Checks one non-empty value against its definition and returns the value to store. */
function normaliseValue(def: FieldDefinition, raw: unknown): Normalised {
  const label = def.label
  switch (def.type) {
    case "text": {
      if (typeof raw !== "string") return { error: `${label} must be text` }
      const text = raw.trim()
      if (text.length > TEXT_VALUE_MAX_LENGTH) return { error: `${label} must be at most ${TEXT_VALUE_MAX_LENGTH} characters` }
      return { value: text }
    }
    case "number": {
      let number: number
      if (typeof raw === "number") number = raw
      else if (typeof raw === "string" && NUMBER_PATTERN.test(raw.trim())) number = Number(raw.trim())
      else return { error: `${label} must be a number` }
      if (!Number.isFinite(number)) return { error: `${label} must be a number` }
      const { integer, min, max } = numberConfig(def)
      if (integer && !Number.isInteger(number)) return { error: `${label} must be a whole number` }
      if (min !== undefined && number < min) return { error: `${label} must be at least ${formatNumber(min)}` }
      if (max !== undefined && number > max) return { error: `${label} must be at most ${formatNumber(max)}` }
      // -0 would be stored as 0 anyway; make it explicit so values compare equal.
      return { value: number === 0 ? 0 : number }
    }
    case "date": {
      const date = typeof raw === "string" ? raw.trim() : ""
      if (!isCalendarDate(date)) return { error: `${label} must be a date like 2024-05-31` }
      return { value: date }
    }
    case "dropdown": {
      const options = dropdownOptions(def)
      const choice = typeof raw === "string" ? raw.trim() : undefined
      if (choice !== undefined && options.includes(choice)) return { value: choice }
      if (options.length > 0 && options.length <= OPTIONS_LISTED_IN_ERRORS) {
        return { error: `${label} must be one of: ${options.join(", ")}` }
      }
      return { error: `${label} must be one of the listed options` }
    }
    case "boolean": {
      if (typeof raw === "boolean") return { value: raw }
      if (typeof raw === "string") {
        const word = raw.trim().toLowerCase()
        if (word === "yes" || word === "true") return { value: true }
        if (word === "no" || word === "false") return { value: false }
      }
      return { error: `${label} must be yes or no` }
    }
    default:
      return { error: `${label} has an unknown type` }
  }
}

/**
 * Checks values entered for one owner (a customer or a dependent) against the target's
 * definitions. Deleted definitions are ignored; for a customer audience staff-only fields
 * do not exist (writing one is an unknown-key error). On success the values are normalised
 * (text trimmed, numbers as numbers, dates "YYYY-MM-DD", booleans as booleans) and empty
 * ones are null; the result is ready for the service's `setValues`.
 */
export function validateCustomFieldValues(definitions: readonly FieldDefinition[], input: unknown, options: ValidateValuesOptions): ValidateValuesResult {
  if (!isRecord(input)) {
    return { ok: false, errors: [{ key: "", label: "", message: "Custom field values must be an object of field keys" }] }
  }

  const fields = visibleFields(definitions, options.audience)
  const byKey = new Map(fields.map((def) => [def.key, def]))
  const errors: CustomFieldValueError[] = []
  const values: Record<string, CustomFieldScalar | null> = {}

  for (const def of fields) {
    const present = Object.prototype.hasOwnProperty.call(input, def.key) && input[def.key] !== undefined
    if (!present && options.partial) continue
    const raw = present ? input[def.key] : undefined

    if (isEmpty(raw)) {
      if (def.required) errors.push({ key: def.key, label: def.label, message: `${def.label} is required` })
      else values[def.key] = null
      continue
    }

    const result = normaliseValue(def, raw)
    if ("error" in result) errors.push({ key: def.key, label: def.label, message: result.error })
    else values[def.key] = result.value
  }

  for (const key of Object.keys(input)) {
    if (!byKey.has(key)) errors.push({ key, label: key, message: `There is no field '${key}'` })
  }

  return errors.length ? { ok: false, errors } : { ok: true, values }
}
