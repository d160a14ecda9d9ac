/** Dependents (pets, vehicles, children…): the API calls and the add and edit pages' actions. */

import { json } from "@remix-run/node"

import { apiFetch, asList, errorStatus, fileForm, portalFileUrl, toProblem } from "~/lib/api/api.server"
import { customFieldErrorsFromMessage, readCustomFieldValues, toCustomFieldInput, type CustomFieldErrors } from "~/lib/custom-fields"
import { readName, readNotes, type DependentValues } from "~/lib/dependents"
import { redirectWithPageError, signOutIfRefused } from "~/lib/session.server"
import { pictureProblem, uploadedFile } from "~/lib/uploads.server"
import {
  dependentForm,
  firstProblem,
  type BaseCustomField as CustomFieldDefinition,
  type StoreDependentType as DependentType,
  type StoreDependent as Dependent,
  type StoreCreateDependent as DependentInput,
  type StoreDependentListResponse,
  type StoreDependentResponse,
} from "@fieldservice/contract"

const dependentsPath = (id?: string, photo = false) =>
  id === undefined ? "/store/customers/me/dependents" : `/store/customers/me/dependents/${encodeURIComponent(id)}${photo ? "/photo" : ""}`

function byRank<T extends { rank: number }>(items: T[]): T[] {
  return [...items].sort((a, b) => a.rank - b.rank)
}

function toDependentType(type: DependentType): DependentType {
  return { ...type, fields: byRank(asList(type.fields).filter((field) => field.visibility !== "staff")) }
}

function toDependent(dependent: Dependent): Dependent {
  return {
    ...dependent,
    notes: dependent.notes || null,
    photo_url: portalFileUrl(dependent.photo_url),
    custom_fields: byRank(asList(dependent.custom_fields).filter((field) => field.visibility !== "staff")),
  }
}

export type Dependents = { types: DependentType[]; dependents: Dependent[] }

/**
 * The dependent types the business offers and the customer's dependents, or null when the
 * business has turned dependents off for the portal (every dependents route answers 404 then).
 */
export async function getDependents(token: string): Promise<Dependents | null> {
  try {
    const result = await apiFetch<Partial<StoreDependentListResponse>>(dependentsPath(), {
      token,
    })
    return {
      types: byRank(asList(result.dependent_types).map(toDependentType)),
      dependents: asList(result.dependents).map(toDependent),
    }
  } catch (error) {
    if (errorStatus(error) === 404) return null
    throw error
  }
}

/** One of the customer's dependents, or null (not theirs, or dependents are switched off). */
export async function findDependent(token: string, id: string): Promise<Dependent | null> {
  try {
    const { dependent } = await apiFetch<StoreDependentResponse>(dependentsPath(id), { token })
    return toDependent(dependent)
  } catch (error) {
    if (errorStatus(error) === 404) return null
    throw error
  }
}

/** Every required field must be filled. Throws ApiError 400 whose message starts with the field's label. */
export async function createDependent(token: string, input: DependentInput & { type_id: string }): Promise<Dependent> {
  const { dependent } = await apiFetch<StoreDependentResponse>(dependentsPath(), { method: "POST", token, body: input })
  return toDependent(dependent)
}

/** Only the custom fields sent change. */
export async function updateDependent(token: string, id: string, input: Partial<DependentInput>): Promise<Dependent> {
  const { dependent } = await apiFetch<StoreDependentResponse>(dependentsPath(id), {
    method: "POST",
    token,
    body: input,
  })
  return toDependent(dependent)
}

export async function deleteDependent(token: string, id: string): Promise<void> {
  await apiFetch(dependentsPath(id), { method: "DELETE", token })
}

/** Same rules as the profile picture. */
export async function uploadDependentPhoto(token: string, id: string, file: Blob, filename: string): Promise<Dependent> {
  const { dependent } = await apiFetch<StoreDependentResponse>(dependentsPath(id, true), {
    method: "POST",
    token,
    form: fileForm(file, filename),
  })
  return toDependent(dependent)
}

export async function removeDependentPhoto(token: string, id: string): Promise<void> {
  await apiFetch(dependentsPath(id, true), { method: "DELETE", token })
}

/** What the add and edit pages' actions answer when nothing (or not everything) was saved. */
export type DependentActionData = {
  values?: DependentValues
  /** New on every answer, so the form is rebuilt from `values`. */
  formKey?: string
  formError?: string
  /** By field: "name", "photo" or a custom field's key. */
  fieldErrors?: CustomFieldErrors
  notFound?: boolean
  confirmDelete?: boolean
  deleteError?: string
  photoError?: string
}

let answers = 0
export const dependentFormKey = () => `dependent-${Date.now()}-${++answers}`

export function readDependentForm(form: FormData): DependentValues {
  return { name: readName(form), notes: readNotes(form), custom_fields: readCustomFieldValues(form) }
}

/**
 * The request body. A create sends every filled field (the backend checks the whole form); an
 * update sends only the fields that changed from `saved`.
 */
export function toDependentInput(values: DependentValues, fields: CustomFieldDefinition[], saved?: DependentValues): DependentInput {
  return {
    name: values.name,
    notes: values.notes || null,
    custom_fields: toCustomFieldInput(fields, values.custom_fields, saved?.custom_fields),
  }
}

/** Before anything is sent: a name, and a photo the backend can take. */
export function checkDependentForm(values: DependentValues, photo: File | null): CustomFieldErrors {
  return {
    name: firstProblem(dependentForm.shape.name, values.name),
    photo: photo ? (pictureProblem(photo) ?? undefined) : undefined,
  }
}

/** A refused create or update: the backend's message above the form, and on the field it names. */
export async function dependentSaveFailed(request: Request, error: unknown, values: DependentValues, fields: CustomFieldDefinition[]) {
  const problem = toProblem(error)
  if (problem.status === 404) return json<DependentActionData>({ notFound: true }, { status: 404 })
  await signOutIfRefused(request, problem)
  const fieldErrors = problem.status === 400 ? customFieldErrorsFromMessage(problem.message, fields) : {}
  if (problem.status === 400 && !Object.values(fieldErrors).some(Boolean) && /^name\b/i.test(problem.message)) {
    fieldErrors.name = problem.message
  }
  return json<DependentActionData>({ values, formKey: dependentFormKey(), formError: problem.message, fieldErrors }, { status: problem.status })
}

/**
 * The photo, after the dependent itself was saved. When the backend refuses it, the dependent
 * stays saved: the edit page opens with the reason, so the customer can choose another.
 */
export async function savePhoto(request: Request, token: string, dependent: Pick<Dependent, "id" | "name">, form: FormData): Promise<Response | null> {
  const photo = uploadedFile(form, "photo")
  if (!photo) return null
  try {
    await uploadDependentPhoto(token, dependent.id, photo, photo.name)
    return null
  } catch (error) {
    const problem = toProblem(error)
    await signOutIfRefused(request, problem)
    return redirectWithPageError(
      request,
      `/account/dependents/${encodeURIComponent(dependent.id)}`,
      `${dependent.name} was saved, but the photo wasn’t: ${problem.message}`
    )
  }
}
