import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { type Audience, CUSTOM_FIELDS_MODULE, type CustomFieldsModuleService, validateCustomFieldValues } from "../../modules/custom-fields"

/**
 * For a customer's profile save (after its body is validated): the custom-field values are checked
 * against the live definitions first, so a 400 names each wrong field (`custom_fields.<key>`) and
 * a form shows each message beside its field. The workflow checks them again before writing.
 */
export function checkCustomerCustomFieldValues(audience: Audience) {
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const values = (req.validatedBody as { custom_fields?: Record<string, unknown> } | undefined)?.custom_fields
    if (!values || !Object.keys(values).length) return next()
    const service: CustomFieldsModuleService = req.scope.resolve(CUSTOM_FIELDS_MODULE)
    const definitions = await service.listDefinitions({ target_type: "customer" })
    const result = validateCustomFieldValues(definitions, values, { audience, partial: true })
    if (result.ok) return next()
    const fields = result.errors.map((error) => ({ field: `custom_fields.${error.key}`, message: error.message }))
    res.status(400).json({ type: MedusaError.Types.INVALID_DATA, message: fields.map((field) => field.message).join(". "), field: fields[0].field, fields })
  }
}
