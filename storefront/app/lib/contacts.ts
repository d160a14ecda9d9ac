/** Additional contacts: the form's values, its buttons and the request body. Shared by server and browser. */

import { text } from "~/lib/forms"
import {
  additionalContactForm,
  fieldProblems,
  type StoreAdditionalContact as AdditionalContact,
  type StoreCreateAdditionalContact as AdditionalContactInput,
} from "@fieldservice/contract"

/** The backend keeps at most this many emails and numbers per contact. */
export const MAX_CONTACT_ROWS = 5

export type ContactList = "email" | "phone"

/** Everything as the form shows it, empty rows included, so a re-render keeps what was typed. */
export type ContactValues = {
  name: string
  role: string
  emails: string[]
  phones: string[]
}

export type ContactFieldErrors = Partial<Record<"name", string>>

export type ContactIntent = { type: "save" } | { type: "add"; list: ContactList } | { type: "remove"; list: ContactList; index: number }

/** Missing or unknown intents save: pressing Enter in a field submits the form's default (Save) button. */
export function readContactIntent(form: FormData): ContactIntent {
  const intent = text(form, "intent")
  const add = /^add-(email|phone)$/.exec(intent)
  if (add) return { type: "add", list: add[1] as ContactList }
  const remove = /^remove-(email|phone):(\d+)$/.exec(intent)
  if (remove) return { type: "remove", list: remove[1] as ContactList, index: Number(remove[2]) }
  return { type: "save" }
}

/** The saved entries, then one empty row to add another (while there is room). */
function withEmptyRow(rows: string[]): string[] {
  const filled = rows.filter(Boolean)
  return filled.length < MAX_CONTACT_ROWS ? [...filled, ""] : filled
}

export const EMPTY_CONTACT: ContactValues = { name: "", role: "", emails: [""], phones: [""] }

export function contactValuesFrom(contact: AdditionalContact): ContactValues {
  return {
    name: contact.name,
    role: contact.role ?? "",
    emails: withEmptyRow(contact.emails),
    phones: withEmptyRow(contact.phones),
  }
}

function allTexts(form: FormData, name: string): string[] {
  return form.getAll(name).map((value) => (typeof value === "string" ? value.trim() : ""))
}

export function readContactForm(form: FormData): ContactValues {
  const emails = allTexts(form, "email")
  const phones = allTexts(form, "phone")
  return {
    name: text(form, "name"),
    role: text(form, "role"),
    emails: emails.length ? emails.slice(0, MAX_CONTACT_ROWS) : [""],
    phones: phones.length ? phones.slice(0, MAX_CONTACT_ROWS) : [""],
  }
}

/** One more empty row; nothing is saved. */
export function addContactRow(values: ContactValues, list: ContactList): ContactValues {
  const key = list === "email" ? "emails" : "phones"
  return values[key].length >= MAX_CONTACT_ROWS ? values : { ...values, [key]: [...values[key], ""] }
}

/** Without row `index` (an empty row stays when it was the last); nothing is saved. */
export function removeContactRow(values: ContactValues, list: ContactList, index: number): ContactValues {
  const key = list === "email" ? "emails" : "phones"
  const rows = values[key].filter((_, row) => row !== index)
  return { ...values, [key]: rows.length ? rows : [""] }
}

export function contactFieldErrors(values: ContactValues): ContactFieldErrors {
  return fieldProblems(additionalContactForm, values)
}

/** Empty rows are left out; the lists are sent whole. */
export function toContactInput(values: ContactValues): AdditionalContactInput {
  return {
    name: values.name,
    role: values.role || null,
    emails: values.emails.filter(Boolean),
    phones: values.phones.filter(Boolean),
  }
}
