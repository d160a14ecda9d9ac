import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CUSTOM_FIELDS_MODULE, type CustomFieldDefinitionInput, type CustomFieldsModuleService } from "../../../modules/custom-fields"
import { createCustomFieldWorkflow } from "../../../workflows/custom-fields/definitions"
import { presentDefinition } from "../../../queries/custom-fields"
import type { AdminGetCustomFieldsParamsType } from "./validators"
import type { AdminCustomFieldListResponse, AdminCustomFieldResponse } from "@fieldservice/contract"

type Stored = Parameters<typeof presentDefinition>[0]

/** Settings → Custom fields: the customer fields, or one dependent type's, with how many values each holds. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetCustomFieldsParamsType>, res: MedusaResponse<AdminCustomFieldListResponse>) {
  const service: CustomFieldsModuleService = req.scope.resolve(CUSTOM_FIELDS_MODULE)
  const { target_type, target_id } = req.validatedQuery
  const target = target_type === "customer" ? { target_type } : { target_type, target_id: target_id! }
  const definitions = (await service.listDefinitions(target)) as unknown as Stored[]
  const counts = await service.countValuesByField(definitions.map((def) => def.id))
  res.json({ custom_fields: definitions.map((def) => ({ ...presentDefinition(def), value_count: counts[def.id] ?? 0 })) })
}

export async function POST(req: AuthenticatedMedusaRequest<CustomFieldDefinitionInput>, res: MedusaResponse<AdminCustomFieldResponse>) {
  const { result } = await createCustomFieldWorkflow(req.scope).run({ input: { data: req.validatedBody } })
  res.status(201).json({ custom_field: presentDefinition(result as unknown as Stored) })
}
