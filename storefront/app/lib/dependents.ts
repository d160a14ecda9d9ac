/** Dependents / assets (pets, vehicles, children…): wording and the form's values. Shared by server and browser. */

import { formValuesFrom, type CustomFieldValues } from "~/lib/custom-fields"

import { text } from "~/lib/forms"
import type { StoreDependent as Dependent, StoreDependentType as DependentType } from "@fieldservice/contract"

/** "pet" for "Pet", but "TV" stays "TV". */
export function lowerLabel(label: string): string {
  const word = label.trim()
  return /^[A-Z][a-z]/.test(word) ? word.charAt(0).toLowerCase() + word.slice(1) : word
}

/** "a pet", "an animal", "an HVAC unit" (an acronym is said letter by letter). */
export function withArticle(label: string): string {
  const word = lowerLabel(label)
  const acronym = /^[A-Z]{2,}\b/.test(word)
  const vowelSound = acronym ? /^[AEFHILMNORSX]/.test(word) : /^[aeiou]/i.test(word)
  return `${vowelSound ? "an" : "a"} ${word}`
}

export type DependentValues = {
  name: string
  notes: string
  custom_fields: CustomFieldValues
}

export const emptyDependentValues = (): DependentValues => ({ name: "", notes: "", custom_fields: {} })

export function dependentValuesFrom(dependent: Dependent): DependentValues {
  return {
    name: dependent.name,
    notes: dependent.notes ?? "",
    custom_fields: formValuesFrom(dependent.custom_fields),
  }
}

/** The type's fields with this dependent's values (fields added since it was saved are empty). */
export function fieldsOf(type: DependentType | undefined, dependent?: Dependent): DependentType["fields"] {
  if (type && type.fields.length > 0) return type.fields
  return dependent?.custom_fields ?? []
}

/** Notes keep their line breaks; only the ends are trimmed. */
export function readNotes(form: FormData): string {
  const value = form.get("notes")
  return typeof value === "string" ? value.replace(/\r\n/g, "\n").trim() : ""
}

export function readName(form: FormData): string {
  return text(form, "name")
}
