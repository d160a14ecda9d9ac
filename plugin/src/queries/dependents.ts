import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { AdminDependentListResponse, BaseDependent, BaseDependentType } from "@fieldservice/contract"
import { CUSTOM_FIELDS_MODULE, type Audience, type CustomFieldsModuleService } from "../modules/custom-fields"
import { DEPENDENTS_MODULE, type DependentsModuleService } from "../modules/dependents"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../modules/portal-access"
import { privateFileUrl } from "../utils/private-file-urls"
import { definitionsFor, withValues } from "./custom-fields"

/** A dependent as the module lists it, or as Query reads it through the customer (type as a relation). */
export type DependentRow = {
  id: string
  type_id?: string | null
  type?: { id: string } | null
  name: string
  notes: string | null
  photo_file_id?: string | null
}

/** Every dependent type in rank order, each with the fields this audience may see. */
export async function dependentTypesWithFields(scope: MedusaContainer, audience: Audience): Promise<BaseDependentType[]> {
  const service: DependentsModuleService = scope.resolve(DEPENDENTS_MODULE)
  const types = await service.listDependentTypes({}, { order: { rank: "ASC", created_at: "ASC" } })
  return Promise.all(
    types.map(async (type) => ({
      id: type.id,
      label_singular: type.label_singular,
      label_plural: type.label_plural,
      rank: type.rank,
      fields: await definitionsFor(scope, { target_type: "dependent_type", target_id: type.id }, audience),
    }))
  )
}

/** Dependents as the API shows them: their type's label and every visible field with its value. */
export async function presentDependents(
  scope: MedusaContainer,
  rows: DependentRow[],
  types: BaseDependentType[],
  owner: { customerId: string; audience: Audience }
): Promise<BaseDependent[]> {
  const fields: CustomFieldsModuleService = scope.resolve(CUSTOM_FIELDS_MODULE)
  const values = await fields.valuesFor(
    "dependent",
    rows.map((row) => row.id)
  )
  const typesById = new Map(types.map((type) => [type.id, type]))
  return rows
    .map((row) => ({ row, type: typesById.get(row.type_id ?? row.type?.id ?? "") }))
    .filter((entry): entry is { row: DependentRow; type: BaseDependentType } => !!entry.type)
    .map(({ row, type }) => ({
      id: row.id,
      type_id: type.id,
      type_label: type.label_singular,
      name: row.name,
      notes: row.notes,
      photo_url: privateFileUrl.dependentPhoto(owner.audience, owner.customerId, row.id, row.photo_file_id),
      custom_fields: withValues(type.fields, values[row.id]),
    }))
}

/**
 * The customer's dependents (oldest first) with the types offered. The portal's answer
 * (StoreDependentListResponse) has the same shape; only the fields shown differ by audience.
 */
export async function loadDependents(scope: MedusaContainer, customerId: string, audience: Audience): Promise<AdminDependentListResponse> {
  const service: DependentsModuleService = scope.resolve(DEPENDENTS_MODULE)
  const [types, rows] = await Promise.all([
    dependentTypesWithFields(scope, audience),
    service.listDependents({ customer_id: customerId }, { order: { created_at: "ASC" } }),
  ])
  return { dependent_types: types, dependents: await presentDependents(scope, rows, types, { customerId, audience }) }
}

/** One of the customer's dependents (404 for anyone else's). */
export async function loadDependent(scope: MedusaContainer, customerId: string, id: string, audience: Audience): Promise<BaseDependent> {
  const service: DependentsModuleService = scope.resolve(DEPENDENTS_MODULE)
  const row = await service.retrieveOwnedDependent(customerId, id)
  const types = await dependentTypesWithFields(scope, audience)
  const [dependent] = await presentDependents(scope, [row], types, { customerId, audience })
  if (!dependent) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Dependent ${id} was not found`)
  return dependent
}

/** Customers only reach dependents while the business offers them in the portal. */
export async function assertDependentsOffered(scope: MedusaContainer) {
  const portal: PortalAccessModuleService = scope.resolve(PORTAL_ACCESS_MODULE)
  const settings = await portal.getSettings()
  if (!settings.dependents_enabled) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "Dependents and assets are not offered in the portal")
  }
}
