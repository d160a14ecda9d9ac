/** Additional contacts: the API calls and the add and edit pages' actions. */

import { json } from "@remix-run/node"

import { apiFetch, asList, toProblem } from "~/lib/api/api.server"
import {
  addContactRow,
  contactFieldErrors,
  readContactForm,
  readContactIntent,
  removeContactRow,
  toContactInput,
  type ContactFieldErrors,
  type ContactList,
  type ContactValues,
} from "~/lib/contacts"
import { hasErrors } from "~/lib/forms"
import { redirectToAccount, signOutIfRefused } from "~/lib/session.server"
import type {
  StoreAdditionalContact as AdditionalContact,
  AdditionalContactListResponse,
  AdditionalContactResponse,
  StoreCreateAdditionalContact as AdditionalContactInput,
} from "@fieldservice/contract"

export function toAdditionalContact(contact: AdditionalContact): AdditionalContact {
  return { ...contact, role: contact.role || null, emails: asList(contact.emails), phones: asList(contact.phones) }
}

const contactsPath = (id?: string) =>
  id === undefined ? "/store/customers/me/additional-contacts" : `/store/customers/me/additional-contacts/${encodeURIComponent(id)}`

export async function listAdditionalContacts(token: string): Promise<AdditionalContact[]> {
  const { additional_contacts } = await apiFetch<Partial<AdditionalContactListResponse>>(contactsPath(), {
    token,
  })
  return asList(additional_contacts).map(toAdditionalContact)
}

/** One of the customer's own contacts, or null when they have none with this id. */
export async function findAdditionalContact(token: string, id: string): Promise<AdditionalContact | null> {
  const contacts = await listAdditionalContacts(token)
  return contacts.find((contact) => contact.id === id) ?? null
}

/** Throws ApiError 400 { message } for a bad or repeated email or number. */
export async function createAdditionalContact(token: string, input: AdditionalContactInput): Promise<AdditionalContact> {
  const { additional_contact } = await apiFetch<AdditionalContactResponse>(contactsPath(), {
    method: "POST",
    token,
    body: input,
  })
  return toAdditionalContact(additional_contact)
}

/** Throws ApiError 400 for a bad value, 404 when the contact is not this customer's. */
export async function updateAdditionalContact(token: string, id: string, input: Partial<AdditionalContactInput>): Promise<AdditionalContact> {
  const { additional_contact } = await apiFetch<AdditionalContactResponse>(contactsPath(id), {
    method: "POST",
    token,
    body: input,
  })
  return toAdditionalContact(additional_contact)
}

export async function deleteAdditionalContact(token: string, id: string): Promise<void> {
  await apiFetch(contactsPath(id), { method: "DELETE", token })
}

/** What the add and edit pages' actions answer when nothing was saved. */
export type ContactActionData = {
  values?: ContactValues
  /** New on every answer, so the form is rebuilt from `values` (inputs only read their default once). */
  formKey?: string
  formError?: string
  fieldErrors?: ContactFieldErrors
  added?: ContactList
  notFound?: boolean
  /** "Remove" was pressed on /account: ask first. */
  confirmDelete?: boolean
  deleteError?: string
}

let answers = 0
const formKey = () => `contact-${Date.now()}-${++answers}`

/**
 * The contact form posted: "Add another …" and "Remove" re-render it with what was typed; Save
 * checks the name and calls `save`, then goes back to /account.
 */
export async function contactFormAction(request: Request, form: FormData, save: (input: AdditionalContactInput) => Promise<unknown>) {
  const values = readContactForm(form)
  const intent = readContactIntent(form)
  if (intent.type === "add") {
    return json<ContactActionData>({ values: addContactRow(values, intent.list), formKey: formKey(), added: intent.list })
  }
  if (intent.type === "remove") {
    return json<ContactActionData>({ values: removeContactRow(values, intent.list, intent.index), formKey: formKey() })
  }
  const fieldErrors = contactFieldErrors(values)
  if (hasErrors(fieldErrors)) {
    return json<ContactActionData>({ values, formKey: formKey(), fieldErrors, formError: "Please check the highlighted fields." }, { status: 400 })
  }
  try {
    await save(toContactInput(values))
  } catch (error) {
    const problem = toProblem(error)
    if (problem.status === 404) return json<ContactActionData>({ notFound: true }, { status: 404 })
    await signOutIfRefused(request, problem)
    return json<ContactActionData>({ values, formKey: formKey(), formError: problem.message }, { status: problem.status })
  }
  return redirectToAccount(request, "Contact saved")
}
