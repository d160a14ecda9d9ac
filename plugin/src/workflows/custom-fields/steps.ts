import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  CUSTOM_FIELDS_MODULE,
  type Audience,
  type CustomFieldOwner,
  type CustomFieldScalar,
  type CustomFieldsModuleService,
  type CustomFieldTarget,
  validateCustomFieldValues,
} from "../../modules/custom-fields"

export type CustomFieldValuesInput = {
  target: CustomFieldTarget
  values: Record<string, unknown>
  audience: Audience
  /** false for a new record: every field is checked and required ones must be filled. */
  partial: boolean
}

/**
 * Checks values against the live definitions, before anything is written: a bad value is a
 * 400 whose message names the field ("Weight (kg) must be at most 100").
 */
export const validateCustomFieldValuesStep = createStep("validate-custom-field-values", async (input: CustomFieldValuesInput, { container }) => {
  const service: CustomFieldsModuleService = container.resolve(CUSTOM_FIELDS_MODULE)
  const definitions = await service.listDefinitions(input.target)
  const result = validateCustomFieldValues(definitions, input.values, { audience: input.audience, partial: input.partial })
  if (!result.ok) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, result.errors.map((error) => error.message).join(". "))
  }
  return new StepResponse(result.values)
})

type Previous = { owner: CustomFieldOwner; target: CustomFieldTarget; values: Record<string, CustomFieldScalar | null> }

/** Stores values checked by validateCustomFieldValuesStep; compensation puts the old ones back. */
export const storeCustomFieldValuesStep = createStep(
  "store-custom-field-values",
  async (input: { owner: CustomFieldOwner; target: CustomFieldTarget; values: Record<string, CustomFieldScalar | null> }, { container }) => {
    const service: CustomFieldsModuleService = container.resolve(CUSTOM_FIELDS_MODULE)
    if (!Object.keys(input.values).length) return new StepResponse({}, undefined as Previous | undefined)
    const definitions = await service.listDefinitions(input.target)
    const before = (await service.valuesFor(input.owner.owner_type, [input.owner.owner_id]))[input.owner.owner_id]
    const after = await service.setValues(input.owner, definitions, input.values)
    const previous = Object.fromEntries(Object.keys(input.values).map((key) => [key, before[key] ?? null]))
    return new StepResponse(after, { owner: input.owner, target: input.target, values: previous } as Previous | undefined)
  },
  async (previous, { container }) => {
    if (!previous) return
    const service: CustomFieldsModuleService = container.resolve(CUSTOM_FIELDS_MODULE)
    await service.setValues(previous.owner, await service.listDefinitions(previous.target), previous.values)
  }
)
