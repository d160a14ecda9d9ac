import { defaultCountries } from "@medusajs/framework/utils"
import { type CustomFieldScalar, type FieldDefinition, validateCustomFieldValues } from "../modules/custom-fields/validation"
import { normalizeContactMethods, normalizeEmail, normalizePhone } from "../modules/customer-profile/contact-details"
import type { NewBusinessProfile } from "../modules/business-profile/bulk-tables"
import type { NewProfile } from "../modules/customer-profile/bulk-tables"
import { PROFILE_KINDS, PROFILE_STATUSES, type ProfileKind, type ProfileStatus } from "@fieldservice/contract"
import { CSV_LIST_SEPARATOR, CUSTOM_FIELD_COLUMN_PREFIX, CUSTOMER_CSV_COLUMNS, type CustomerCsvColumn } from "./customer-csv"

/*
 * Reading the customer CSV (see customer-csv.ts) for the import: the header row, then each row
 * checked on its own into what to write. Pure functions: the import job, the upload check and
 * the tests share them.
 */

export const MAX_IMPORT_ROWS = 100_000
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024
/** A row longer than this is rejected unread (the longest real row, notes and all, is a few KB). */
export const MAX_IMPORT_RECORD_CHARS = 256 * 1024

// The same limits as the profile forms (api/utils/common-validators/profile.ts and business-profile.ts).
const NAME_MAX = 100
const COMPANY_MAX = 200
const NOTES_MAX = 10_000
const TAG_MAX = 50
const TAGS_MAX = 30
const EMAIL_MAX = 254

const COUNTRY_CODES = new Set(defaultCountries.map((country) => country.alpha2.toLowerCase()))

export type ImportHeader = {
  /** The column each cell belongs to, by position; null for a column without a name (ignored). */
  columns: ({ name: CustomerCsvColumn } | { custom: string } | null)[]
  index: Partial<Record<CustomerCsvColumn, number>>
  custom: { key: string; index: number }[]
}

const describeList = (names: string[]) => names.map((name) => `“${name}”`).join(", ")

/**
 * Reads the header row: the template's columns plus `custom.<key>` for the customer fields
 * that exist (`customFieldKeys`), in any order and any letter case. Columns with no name are
 * ignored; an unknown or repeated column, or no email column, stops the import before it starts.
 */
export function readImportHeader(cells: string[], customFieldKeys: readonly string[]): { ok: true; header: ImportHeader } | { ok: false; message: string } {
  const known = new Set<string>(CUSTOMER_CSV_COLUMNS)
  const fields = new Set(customFieldKeys)
  const header: ImportHeader = { columns: [], index: {}, custom: [] }
  const seen = new Set<string>()
  const unknown: string[] = []
  const repeated: string[] = []
  cells.forEach((cell, index) => {
    const name = cell.trim().toLowerCase()
    if (!name) {
      header.columns.push(null)
      return
    }
    if (seen.has(name)) repeated.push(name)
    seen.add(name)
    if (known.has(name)) {
      header.columns.push({ name: name as CustomerCsvColumn })
      header.index[name as CustomerCsvColumn] = index
    } else if (name.startsWith(CUSTOM_FIELD_COLUMN_PREFIX) && fields.has(name.slice(CUSTOM_FIELD_COLUMN_PREFIX.length))) {
      const key = name.slice(CUSTOM_FIELD_COLUMN_PREFIX.length)
      header.columns.push({ custom: key })
      header.custom.push({ key, index })
    } else {
      header.columns.push(null)
      unknown.push(cell.trim())
    }
  })

  if (header.index.email === undefined) {
    const joined = cells.join(",")
    const hint = /[;\t]/.test(joined)
      ? " It looks separated by semicolons or tabs: save it from your spreadsheet as “CSV UTF-8 (comma delimited)”."
      : " Download the template to see the columns."
    return {
      ok: false,
      message: `The first line must be the header row with an “email” column; this file's first line is ${describeList(cells.slice(0, 6).map((c) => c.trim()))}${cells.length > 6 ? ", …" : ""}.${hint}`,
    }
  }
  if (repeated.length) return { ok: false, message: `The column ${describeList([...new Set(repeated)])} appears more than once in the header row.` }
  if (unknown.length) {
    const custom = unknown.filter((name) => name.toLowerCase().startsWith(CUSTOM_FIELD_COLUMN_PREFIX))
    const fieldsHint = custom.length
      ? ` There is no customer custom field ${describeList(custom.map((name) => name.slice(CUSTOM_FIELD_COLUMN_PREFIX.length)))}: custom field columns are custom.<key>, with the key shown in Settings → Custom fields.`
      : ""
    return {
      ok: false,
      message: `Unknown column${unknown.length > 1 ? "s" : ""} ${describeList(unknown)}. Use the template's column names (download it above).${fieldsHint}`,
    }
  }
  return { ok: true, header }
}

export type ImportAddress = {
  address_1: string
  address_2: string | null
  city: string
  province: string | null
  postal_code: string
  country_code: string
}

/** A business profile as a row gives it: the module's new business profile without its customer. */
export type ImportBusiness = Omit<NewBusinessProfile, "customer_id">

export type ImportProfileFields = {
  kind?: ProfileKind
  status?: ProfileStatus
  tags?: string[]
  internal_notes?: string
  marketing_emails?: boolean
  reminder_emails?: boolean
  payment_terms_days?: number
  tax_exempt?: boolean
}

/** A new customer profile from a row: a status other than active records when it was set. */
export const newImportedProfile = (profile: ImportProfileFields): NewProfile => ({
  ...profile,
  status_changed_at: profile.status && profile.status !== "active" ? new Date() : null,
})

/**
 * One row, checked: only the cells that hold something are here (an empty cell leaves an
 * existing customer's value as it is).
 */
export type ImportRow = {
  line: number
  email: string
  /** The email as typed (trimmed), to find customers saved with capitals. */
  typed_email: string
  customer: { first_name?: string; last_name?: string; phone?: string; company_name?: string }
  profile: ImportProfileFields
  /** The extra emails and numbers, when either column holds something. */
  additional_emails?: string[]
  additional_phones?: string[]
  address?: ImportAddress
  business?: ImportBusiness
  custom_fields: Record<string, CustomFieldScalar>
}

export type RowContext = {
  definitions: readonly FieldDefinition[]
  /** Tags already in use, by lower case, so "vip" joins the existing "VIP". */
  tagSpelling: Map<string, string>
}

/** What the exporter put before a cell starting with = + - @ (csvCell) so spreadsheets don't run it as a formula. */
const DEFUSED = /^'[=+\-@\t\r]/

/** A cell's text: trimmed, the exporter's leading apostrophe removed; empty cells are undefined. */
export function cellText(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined
  let text = raw.trim()
  if (DEFUSED.test(text)) text = text.slice(1)
  return text === "" ? undefined : text
}

const YES = new Set(["yes", "y", "true", "1"])
const NO = new Set(["no", "n", "false", "0"])

const list = (text: string) =>
  text
    .split(CSV_LIST_SEPARATOR)
    .map((item) => item.trim())
    .filter(Boolean)

/** Checks one row; every problem in it is named in one reason. */
export function readImportRow(
  header: ImportHeader,
  line: number,
  cells: string[],
  context: RowContext
): { ok: true; row: ImportRow } | { ok: false; reason: string } {
  const problems: string[] = []
  if (cells.length > header.columns.length && cells.slice(header.columns.length).some((cell) => cell.trim() !== "")) {
    return {
      ok: false,
      reason: `This row has ${cells.length} cells but the header has ${header.columns.length} columns; a cell with a comma in it needs quotes around it`,
    }
  }
  const get = (column: CustomerCsvColumn) => {
    const index = header.index[column]
    return index === undefined ? undefined : cellText(cells[index])
  }
  const text = (column: CustomerCsvColumn, max: number) => {
    const value = get(column)
    if (value !== undefined && value.length > max) problems.push(`${column} must be at most ${max} characters`)
    return value
  }
  const yesNo = (column: CustomerCsvColumn) => {
    const value = get(column)
    if (value === undefined) return undefined
    const word = value.toLowerCase()
    if (YES.has(word)) return true
    if (NO.has(word)) return false
    problems.push(`${column} must be yes or no, not “${value}”`)
    return undefined
  }
  const oneOf = <T extends string>(column: CustomerCsvColumn, options: readonly T[]) => {
    const value = get(column)?.toLowerCase()
    if (value === undefined) return undefined
    if ((options as readonly string[]).includes(value)) return value as T
    problems.push(`${column} must be one of ${options.join(", ")}, not “${get(column)}”`)
    return undefined
  }

  const typedEmail = get("email")
  let email = ""
  if (!typedEmail) problems.push("The email is missing")
  else {
    email = normalizeEmail(typedEmail)
    const checked = normalizeContactMethods([{ kind: "email", value: email }])
    if (!checked.ok) problems.push(checked.message)
    else if (email.length > EMAIL_MAX) problems.push(`The email must be at most ${EMAIL_MAX} characters`)
  }

  const customer: ImportRow["customer"] = {}
  const firstName = text("first_name", NAME_MAX)
  const lastName = text("last_name", NAME_MAX)
  const company = text("company_name", COMPANY_MAX)
  const phone = get("phone")
  if (firstName) customer.first_name = firstName
  if (lastName) customer.last_name = lastName
  if (company) customer.company_name = company
  if (phone) {
    if (normalizePhone(phone)) customer.phone = phone.replace(/\s+/g, " ")
    else problems.push(`phone: “${phone}” is not a valid phone number`)
  }

  const profile: ImportProfileFields = {}
  const kind = oneOf("kind", PROFILE_KINDS)
  const status = oneOf("status", PROFILE_STATUSES)
  if (kind) profile.kind = kind
  if (status) profile.status = status
  const tagsCell = get("tags")
  if (tagsCell !== undefined) {
    const seen = new Set<string>()
    const tags: string[] = []
    for (const tag of list(tagsCell)) {
      const key = tag.toLowerCase()
      if (seen.has(key)) continue
      seen.add(key)
      if (tag.length > TAG_MAX) problems.push(`the tag “${tag.slice(0, 20)}…” is longer than ${TAG_MAX} characters`)
      tags.push(context.tagSpelling.get(key) ?? tag)
    }
    if (tags.length > TAGS_MAX) problems.push(`at most ${TAGS_MAX} tags, this row has ${tags.length}`)
    if (tags.length) profile.tags = tags
  }
  const notes = text("internal_notes", NOTES_MAX)
  if (notes) profile.internal_notes = notes
  const marketing = yesNo("marketing_emails")
  const reminders = yesNo("reminder_emails")
  const taxExempt = yesNo("tax_exempt")
  if (marketing !== undefined) profile.marketing_emails = marketing
  if (reminders !== undefined) profile.reminder_emails = reminders
  if (taxExempt !== undefined) profile.tax_exempt = taxExempt
  const terms = get("payment_terms_days")
  if (terms !== undefined) {
    if (/^\d{1,3}$/.test(terms) && Number(terms) <= 365) profile.payment_terms_days = Number(terms)
    else problems.push(`payment_terms_days must be a whole number of days from 0 to 365, not “${terms}”`)
  }

  const additionalEmails = get("additional_emails")
  const additionalPhones = get("additional_phones")
  const row: Partial<ImportRow> = {}
  if (additionalEmails !== undefined || additionalPhones !== undefined) {
    const emails = additionalEmails ? list(additionalEmails) : []
    const phones = additionalPhones ? list(additionalPhones) : []
    const checked = normalizeContactMethods([
      ...emails.map((value) => ({ kind: "email" as const, value })),
      ...phones.map((value) => ({ kind: "mobile" as const, value })),
    ])
    if (!checked.ok) problems.push(`additional emails and phones: ${checked.message}`)
    if (additionalEmails !== undefined) row.additional_emails = emails
    if (additionalPhones !== undefined) row.additional_phones = phones
  }

  const addressColumns = ["address_1", "address_2", "city", "province", "postal_code", "country_code"] as const
  let address: ImportAddress | undefined
  if (addressColumns.some((column) => get(column) !== undefined)) {
    const missing = (["address_1", "city", "postal_code", "country_code"] as const).filter((column) => get(column) === undefined)
    const country = get("country_code")?.toLowerCase()
    if (missing.length) problems.push(`An address needs ${missing.join(", ")} as well`)
    else if (!COUNTRY_CODES.has(country!)) problems.push(`country_code “${get("country_code")}” is not a country code; use two letters such as GB`)
    const parts = {
      address_1: text("address_1", 200),
      address_2: text("address_2", 200) ?? null,
      city: text("city", 100),
      province: text("province", 100) ?? null,
      postal_code: text("postal_code", 20),
    }
    if (!missing.length) address = { ...parts, country_code: country! } as ImportAddress
  }

  const businessName = text("business_name", 200)
  const billingEmail = get("business_billing_email")
  const taxId = text("business_tax_id", 50)
  let business: ImportBusiness | undefined
  if (businessName) {
    let billing = email
    if (billingEmail) {
      billing = normalizeEmail(billingEmail)
      const checked = normalizeContactMethods([{ kind: "email", value: billing }])
      if (!checked.ok) problems.push(`business_billing_email: ${checked.message}`)
    }
    if (!address) problems.push("A business profile (business_name) needs the address columns: address_1, city, postal_code and country_code")
    else business = { ...address, name: businessName, billing_email: billing, tax_id: taxId ?? null }
  } else if (billingEmail || taxId) {
    problems.push("business_billing_email and business_tax_id need a business_name")
  }

  const rawCustom: Record<string, string> = {}
  for (const { key, index } of header.custom) {
    const value = cellText(cells[index])
    if (value !== undefined) rawCustom[key] = value
  }
  let customFields: Record<string, CustomFieldScalar> = {}
  if (Object.keys(rawCustom).length) {
    const checked = validateCustomFieldValues(context.definitions, rawCustom, { audience: "staff", partial: true })
    if (!checked.ok) problems.push(...checked.errors.map((error) => error.message))
    else customFields = Object.fromEntries(Object.entries(checked.values).filter((entry): entry is [string, CustomFieldScalar] => entry[1] !== null))
  }

  if (problems.length) return { ok: false, reason: problems.join("; ") }
  return {
    ok: true,
    row: {
      line,
      email,
      typed_email: typedEmail!,
      customer,
      profile,
      ...row,
      address,
      business,
      custom_fields: customFields,
    },
  }
}

/** The template's header: the shared columns, then one custom.<key> per customer custom field. */
export const templateColumns = (customFieldKeys: readonly string[]) => [
  ...CUSTOMER_CSV_COLUMNS,
  ...customFieldKeys.map((key) => `${CUSTOM_FIELD_COLUMN_PREFIX}${key}`),
]

const EXAMPLE: Record<CustomerCsvColumn, string> = {
  email: "jane.doe@example.com",
  first_name: "Jane",
  last_name: "Doe",
  phone: "+44 7700 900123",
  company_name: "",
  kind: "personal",
  status: "active",
  tags: "VIP;Weekly clean",
  additional_emails: "jane@work.example.com",
  additional_phones: "020 7946 0999",
  address_1: "12 High Street",
  address_2: "Flat 2",
  city: "London",
  province: "",
  postal_code: "SW1A 1AA",
  country_code: "GB",
  business_name: "",
  business_billing_email: "",
  business_tax_id: "",
  internal_notes: "Gate code 4471; the dog is friendly",
  marketing_emails: "no",
  reminder_emails: "yes",
  payment_terms_days: "14",
  tax_exempt: "no",
}

/** A value that passes the field's own checks, for the template's example row. */
function exampleValue(def: FieldDefinition): string {
  const config = (def.config ?? {}) as { min?: number; max?: number; options?: string[] }
  switch (def.type) {
    case "number":
      return String(config.min ?? (config.max !== undefined ? Math.min(config.max, 1) : 1))
    case "date":
      return "2024-05-31"
    case "dropdown":
      return config.options?.[0] ?? ""
    case "boolean":
      return "yes"
    default:
      return "Example"
  }
}

/** The template's example row, in templateColumns' order. */
export const templateExample = (definitions: readonly FieldDefinition[]) => [
  ...CUSTOMER_CSV_COLUMNS.map((column) => EXAMPLE[column]),
  ...definitions.map(exampleValue),
]
