// Dependents/assets (pets, vehicles…): /store/customers/me/dependents[/:id[/photo]],
// /admin/customers/:id/dependents[/:dependent_id[/photo]] and the types, /admin/dependent-types[/:id].
import type { BaseCustomField, CustomFieldWithValue } from "./custom-fields"
import type { CustomFieldValue } from "./rules/custom-fields"

/** A kind of thing a customer has that visits are about; `fields` are those the audience may see. */
export type BaseDependentType = {
  id: string
  /** "Pet" */
  label_singular: string
  /** "Pets" */
  label_plural: string
  rank: number
  fields: BaseCustomField[]
}
export type StoreDependentType = BaseDependentType
export type AdminDependentType = BaseDependentType & { dependent_count: number }

/** GET /admin/dependent-types; `portal_enabled` is the portal's dependents switch (dependents_enabled). */
export type AdminDependentTypeListResponse = { dependent_types: AdminDependentType[]; portal_enabled: boolean }
/** POST /admin/dependent-types (201, no fields yet) and /admin/dependent-types/:id (an update's answer leaves out the fields). */
export type AdminDependentTypeResponse = { dependent_type: Omit<BaseDependentType, "fields"> & { fields?: BaseCustomField[] } }
export type AdminDependentTypeDeleteResponse = { id: string; object: "dependent_type"; deleted: true }
export type AdminCreateDependentType = { label_singular: string; label_plural: string; rank?: number }
export type AdminUpdateDependentType = Partial<AdminCreateDependentType>

export type BaseDependent = {
  id: string
  type_id: string
  /** The type's label_singular. */
  type_label: string
  /** "Biscuit" */
  name: string
  notes: string | null
  photo_url: string | null
  custom_fields: CustomFieldWithValue[]
}
export type StoreDependent = BaseDependent
export type AdminDependent = BaseDependent

/** Body of a create (the admin also names the type); an update takes any subset. */
export type StoreCreateDependent = {
  name: string
  notes: string | null
  custom_fields: Record<string, CustomFieldValue>
}
export type AdminCreateDependent = StoreCreateDependent & { type_id: string }

/** GET …/dependents: the customer's dependents, oldest first, and the types offered. */
export type DependentListResponse = { dependent_types: BaseDependentType[]; dependents: BaseDependent[] }
export type StoreDependentListResponse = DependentListResponse
export type AdminDependentListResponse = DependentListResponse
/** GET one, create (201), update, photo upload and removal. */
export type DependentResponse = { dependent: BaseDependent }
export type StoreDependentResponse = DependentResponse
export type AdminDependentResponse = DependentResponse
export type DependentDeleteResponse = { id: string; object: "dependent"; deleted: true }
