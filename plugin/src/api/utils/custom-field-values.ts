import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import {
  type Audience,
  CUSTOM_FIELDS_MODULE,
  type CustomFieldsModuleService,
  type CustomFieldTarget,
  validateCustomFieldValues,
} from "../../modules/custom-fields"
import { DEPENDENTS_MODULE, type DependentsModuleService } from "../../modules/dependents"

type Options = {
  audience: Audience
  /** false for a new record: required fields must be filled. */
  partial: boolean
  /** Whose fields the values are for; null leaves the check to the route (e.g. a record that isn't found is its 404). */
  target: (req: MedusaRequest) => Promise<CustomFieldTarget | null>
}

/**
 * After a save's body is validated: its custom-field values are checked against the live
 * definitions first, so a 400 names each wrong field (`custom_fields.<key>`) and a form shows each
 * message beside its field. The workflow checks them again before writing.
 */
export function checkCustomFieldValues({ audience, partial, target }: Options) {
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const values = (req.validatedBody as { custom_fields?: Record<string, unknown> } | undefined)?.custom_fields
    if (!values || (partial && !Object.keys(values).length)) return next()
    const whose = await target(req)
    if (!whose) return next()
    const service: CustomFieldsModuleService = req.scope.resolve(CUSTOM_FIELDS_MODULE)
    const result = validateCustomFieldValues(await service.listDefinitions(whose), values, { audience, partial })
    if (result.ok) return next()
    const fields = result.errors.map((error) => ({ field: `custom_fields.${error.key}`, message: error.message }))
    res.status(400).json({ type: MedusaError.Types.INVALID_DATA, message: fields.map((field) => field.message).join(". "), field: fields[0].field, fields })
  }
}

/** A customer's own custom fields (profile saves). */
export const checkCustomerCustomFieldValues = (audience: Audience) =>
  checkCustomFieldValues({ audience, partial: true, target: async () => ({ target_type: "customer" }) })

/** A new dependent's fields: those of the type named in the body. */
export const checkNewDependentValues = (audience: Audience) =>
  checkCustomFieldValues({
    audience,
    partial: false,
    target: async (req) => {
      const typeId = (req.validatedBody as { type_id?: string }).type_id
      if (!typeId) return null
      // A type that doesn't exist is the route's 404.
      const dependents: DependentsModuleService = req.scope.resolve(DEPENDENTS_MODULE)
      const [type] = await dependents.listDependentTypes({ id: typeId }, { select: ["id"], take: 1 })
      return type ? { target_type: "dependent_type", target_id: typeId } : null
    },
  })

/** A staff edit of a customer's dependent: the fields of its type (another customer's dependent is left to the route's 404). */
export const checkDependentChangeValues = checkCustomFieldValues({
  audience: "staff",
  partial: true,
  target: async (req) => {
    const { id, dependent_id } = (req as AuthenticatedMedusaRequest).params
    const dependents: DependentsModuleService = req.scope.resolve(DEPENDENTS_MODULE)
    const [dependent] = await dependents.listDependents({ id: dependent_id, customer_id: id }, { select: ["id", "type_id"], take: 1 })
    return dependent ? { target_type: "dependent_type", target_id: (dependent as unknown as { type_id: string }).type_id } : null
  },
})
