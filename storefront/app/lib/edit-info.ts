/** My account → Edit info: the form's values, its buttons and the request body. Shared by server and browser. */

import { formValuesFrom, readCustomFieldValues, type CustomFieldValues } from "~/lib/custom-fields"
import { text } from "~/lib/forms"
import { customerNameForm, fieldProblems, type StoreCustomerProfile as Profile, type StoreUpdateCustomerProfile as ProfileInput } from "@fieldservice/contract"

/** The backend keeps at most this many other names, emails and numbers. */
export const MAX_ROWS = 10

export type PhoneType = "mobile" | "phone"

export const PHONE_TYPES: ReadonlyArray<{ value: PhoneType; label: string }> = [
  { value: "mobile", label: "Mobile" },
  { value: "phone", label: "Phone" },
]

export type PhoneRow = { number: string; type: PhoneType }

/** Everything as the form shows it, empty rows included, so a re-render keeps what was typed. */
export type EditInfoValues = {
  kind: Profile["kind"]
  first_name: string
  last_name: string
  /** The names, then one empty input for another. */
  additional_names: string[]
  /** The other emails: the sign-in email is the primary one, shown beside them and not edited here. */
  emails: string[]
  /** Every number, the primary one (the account's phone) included. */
  phones: PhoneRow[]
  /** Row index of the number marked primary. */
  primary_phone: number | null
  reminder_emails: boolean
  feedback_emails: boolean
  marketing_emails: boolean
  /** The business's own fields ("More about you"), by key, as the form edits them. */
  custom_fields: CustomFieldValues
}

export type EditInfoFieldErrors = Partial<Record<"first_name" | "last_name", string>>

/** Which button sent the form: Save, or one of the "+" / "Remove" buttons that only re-render it. */
export type EditInfoIntent = { type: "save" } | { type: "add"; list: "email" | "phone" } | { type: "remove"; list: "email" | "phone"; index: number }

/** Missing or unknown intents save: pressing Enter in a field submits the form's default (Save) button. */
export function readIntent(form: FormData): EditInfoIntent {
  const intent = text(form, "intent")
  const add = /^add-(email|phone)$/.exec(intent)
  if (add) return { type: "add", list: add[1] as "email" | "phone" }
  const remove = /^remove-(email|phone):(\d+)$/.exec(intent)
  if (remove) return { type: "remove", list: remove[1] as "email" | "phone", index: Number(remove[2]) }
  return { type: "save" }
}

/** The filled-in names plus one empty input (while there is room for another). */
function namesWithEmptyInput(names: string[]): string[] {
  const filled = names.filter(Boolean)
  return filled.length < MAX_ROWS ? [...filled, ""] : filled
}

function phoneType(kind: string): PhoneType {
  return kind === "phone" ? "phone" : "mobile"
}

export function valuesFromProfile(profile: Profile): EditInfoValues {
  // The account's phone is the primary number: first, marked; the others follow.
  const numbers = [
    ...(profile.account_phone ? [{ number: profile.account_phone, type: "mobile" as const }] : []),
    ...profile.phones.map((phone) => ({ number: phone.value, type: phoneType(phone.kind) })),
  ]
  return {
    kind: profile.kind === "business" ? "business" : "personal",
    first_name: profile.first_name ?? "",
    last_name: profile.last_name ?? "",
    additional_names: namesWithEmptyInput(profile.additional_names),
    // Every saved one, then an empty row to add another.
    emails: [...profile.emails.map((email) => email.value), ""],
    phones: [...numbers, { number: "", type: "mobile" }],
    primary_phone: numbers.length > 0 ? 0 : null,
    reminder_emails: profile.reminder_emails !== false,
    feedback_emails: profile.feedback_emails !== false,
    marketing_emails: profile.marketing_emails === true,
    custom_fields: formValuesFrom(profile.custom_fields),
  }
}

function allTexts(form: FormData, name: string): string[] {
  return form.getAll(name).map((value) => (typeof value === "string" ? value.trim() : ""))
}

/** A row index from a "Primary" radio, when it names one of the rows. */
function rowIndex(form: FormData, name: string, rows: number): number | null {
  const value = text(form, name)
  if (!/^\d+$/.test(value)) return null
  const index = Number(value)
  return index < rows ? index : null
}

/** The form as it was sent: every row in order, empty ones included. */
export function readEditInfoForm(form: FormData): EditInfoValues {
  const emails = allTexts(form, "email")
  const numbers = allTexts(form, "phone")
  const types = allTexts(form, "phone_type")
  const phones = numbers.map((number, index) => ({ number, type: phoneType(types[index] ?? "") }))
  return {
    kind: text(form, "kind") === "business" ? "business" : "personal",
    first_name: text(form, "first_name"),
    last_name: text(form, "last_name"),
    additional_names: namesWithEmptyInput(allTexts(form, "additional_names")),
    emails,
    phones,
    primary_phone: rowIndex(form, "primary_phone", phones.length),
    reminder_emails: form.has("reminder_emails"),
    feedback_emails: form.has("feedback_emails"),
    marketing_emails: form.has("marketing_emails"),
    custom_fields: readCustomFieldValues(form),
  }
}

/** One more empty row at the end of a list; nothing is saved. */
export function addRow(values: EditInfoValues, list: "email" | "phone"): EditInfoValues {
  if (list === "email") {
    return values.emails.length >= MAX_ROWS ? values : { ...values, emails: [...values.emails, ""] }
  }
  return values.phones.length >= MAX_ROWS ? values : { ...values, phones: [...values.phones, { number: "", type: "mobile" }] }
}

/**
 * The primary mark stays on the same row when another row goes. When its own row goes it moves to
 * the first row, as the backend would do on save.
 */
function primaryAfterRemoving(primary: number | null, removed: number): number | null {
  if (primary === null) return null
  if (primary === removed) return 0
  return primary > removed ? primary - 1 : primary
}

/** Without row `index` (and with one empty row if that was the last); nothing is saved. */
export function removeRow(values: EditInfoValues, list: "email" | "phone", index: number): EditInfoValues {
  if (list === "email") {
    if (index >= values.emails.length) return values
    const emails = values.emails.filter((_, row) => row !== index)
    return { ...values, emails: emails.length > 0 ? emails : [""] }
  }
  if (index >= values.phones.length) return values
  const phones = values.phones.filter((_, row) => row !== index)
  return {
    ...values,
    phones: phones.length > 0 ? phones : [{ number: "", type: "mobile" }],
    primary_phone: primaryAfterRemoving(values.primary_phone, index),
  }
}

export function editInfoFieldErrors(values: EditInfoValues): EditInfoFieldErrors {
  return fieldProblems(customerNameForm, values)
}

/**
 * The whole form as one update. Empty rows are left out; the lists are sent whole (a row that is
 * gone is removed). The marked number becomes the account's phone (with none marked, the backend
 * keeps the current one if it is still listed, else the first); the sign-in email stays primary.
 */
export function toProfileInput(values: EditInfoValues): ProfileInput {
  const emails: NonNullable<ProfileInput["emails"]> = values.emails.filter(Boolean).map((email) => ({ email }))
  const phones: NonNullable<ProfileInput["phones"]> = []
  values.phones.forEach(({ number, type }, index) => {
    if (number) phones.push(index === values.primary_phone ? { number, type, is_primary: true } : { number, type })
  })
  return {
    kind: values.kind,
    first_name: values.first_name,
    last_name: values.last_name,
    additional_names: values.additional_names.filter(Boolean),
    marketing_emails: values.marketing_emails,
    reminder_emails: values.reminder_emails,
    feedback_emails: values.feedback_emails,
    emails,
    phones,
  }
}

/** The value a 400 message quotes (`"a@b.co" is listed twice`), to mark its row. */
export function quotedValue(message: string | null | undefined): string | null {
  const match = /"([^"]+)"/.exec(message ?? "")
  return match ? match[1].trim() : null
}

const squash = (value: string) => value.trim().replace(/\s+/g, " ")

/** The backend lowercases emails and collapses spaces in numbers before it quotes them. */
export function rowMatches(list: "email" | "phone", row: string, quoted: string | null): boolean {
  if (!quoted || !row) return false
  return list === "email" ? row.trim().toLowerCase() === quoted.toLowerCase() : squash(row) === squash(quoted)
}
