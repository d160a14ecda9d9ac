import type { MedusaContainer } from "@medusajs/framework/types"
import type { BaseCustomField, CustomFieldConfig, CustomFieldWithValue } from "@fieldservice/contract"
import {
  CUSTOM_FIELDS_MODULE,
  type Audience,
  type CustomFieldScalar,
  type CustomFieldsModuleService,
  type CustomFieldTarget,
  type FieldDefinition,
  visibleFields,
} from "../modules/custom-fields"

// The module stores config already normalised to the field type's settings (or null).
type StoredDefinition = FieldDefinition & { id: string; help_text: string | null; config?: CustomFieldConfig }

/** A definition as the API shows it. */
export function presentDefinition(def: StoredDefinition): BaseCustomField {
  const { id, key, label, type, required, visibility, rank, help_text, config } = def
  return { id, key, label, type, required, visibility, rank, help_text, config: config ?? null }
}

/** The target's fields this audience may see, in rank order. */
export async function definitionsFor(scope: MedusaContainer, target: CustomFieldTarget, audience: Audience): Promise<BaseCustomField[]> {
  const service: CustomFieldsModuleService = scope.resolve(CUSTOM_FIELDS_MODULE)
  const definitions = (await service.listDefinitions(target)) as unknown as StoredDefinition[]
  return visibleFields(definitions, audience).map(presentDefinition)
}

/** Each field with the owner's value (null when empty). */
export function withValues(definitions: BaseCustomField[], values: Record<string, CustomFieldScalar> | undefined): CustomFieldWithValue[] {
  return definitions.map((def) => ({ ...def, value: values?.[def.key] ?? null }))
}
