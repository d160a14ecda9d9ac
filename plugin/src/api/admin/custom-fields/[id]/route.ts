import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CUSTOM_FIELDS_MODULE, type CustomFieldsModuleService } from "../../../../modules/custom-fields"
import { deleteCustomFieldWorkflow, updateCustomFieldWorkflow, type CustomFieldChanges } from "../../../../workflows/custom-fields/definitions"
import { presentDefinition } from "../../../../queries/custom-fields"
import type { AdminConfirmDeleteParamsType } from "../../../utils/common-validators/profile-sections"
import { requestActor } from "../../../utils/activity-actor"
import { answerConflict } from "../../../utils/errors"
import type { AdminCustomFieldResponse, CustomFieldDeleteResponse, ErrorResponse } from "@fieldservice/contract"

type Stored = Parameters<typeof presentDefinition>[0]

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminCustomFieldResponse>) {
  const service: CustomFieldsModuleService = req.scope.resolve(CUSTOM_FIELDS_MODULE)
  const field = (await service.retrieveCustomField(req.params.id)) as unknown as Stored
  const counts = await service.countValuesByField([field.id])
  res.json({ custom_field: { ...presentDefinition(field), value_count: counts[field.id] ?? 0 } })
}

export async function POST(req: AuthenticatedMedusaRequest<CustomFieldChanges>, res: MedusaResponse<AdminCustomFieldResponse>) {
  const { result } = await updateCustomFieldWorkflow(req.scope).run({ input: { id: req.params.id, changes: req.validatedBody } })
  res.json({ custom_field: presentDefinition(result as unknown as Stored) })
}

/** Asks for `?confirm=true` when customers have values in the field; the values then go into their history. */
export async function DELETE(
  req: AuthenticatedMedusaRequest<unknown, AdminConfirmDeleteParamsType>,
  res: MedusaResponse<CustomFieldDeleteResponse | ErrorResponse>
) {
  const service: CustomFieldsModuleService = req.scope.resolve(CUSTOM_FIELDS_MODULE)
  const field = await service.retrieveCustomField(req.params.id)
  const valueCount = (await service.countValuesByField([field.id]))[field.id] ?? 0
  if (valueCount > 0 && !req.validatedQuery.confirm) {
    const whose = valueCount === 1 ? "1 record has a value" : `${valueCount} records have a value`
    answerConflict(res, {
      message: `${whose} in “${field.label}”. Deleting the field hides it everywhere; each value is kept in its customer's activity history. Confirm to delete.`,
      value_count: valueCount,
    })
    return
  }
  await deleteCustomFieldWorkflow(req.scope).run({ input: { id: field.id, actor: await requestActor(req) } })
  res.json({ id: field.id, object: "custom_field", deleted: true })
}
