import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DEPENDENTS_MODULE, type DependentsModuleService } from "../../../../modules/dependents"
import { deleteDependentTypeWorkflow, updateDependentTypeWorkflow } from "../../../../workflows/dependents/dependent-types"
import type { AdminConfirmDeleteParamsType } from "../../../utils/common-validators/profile-sections"
import { requestActor } from "../../../utils/activity-actor"
import { answerConflict } from "../../../utils/errors"
import type { AdminUpdateDependentTypeType } from "../validators"
import type { AdminDependentTypeDeleteResponse, AdminDependentTypeResponse, ErrorResponse } from "@fieldservice/contract"

export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateDependentTypeType>, res: MedusaResponse<AdminDependentTypeResponse>) {
  const { result } = await updateDependentTypeWorkflow(req.scope).run({ input: { id: req.params.id, changes: req.validatedBody } })
  const { id, label_singular, label_plural, rank } = result
  res.json({ dependent_type: { id, label_singular, label_plural, rank } })
}

/** Asks for `?confirm=true` when customers have dependents of this type; they then go into their histories. */
export async function DELETE(
  req: AuthenticatedMedusaRequest<unknown, AdminConfirmDeleteParamsType>,
  res: MedusaResponse<AdminDependentTypeDeleteResponse | ErrorResponse>
) {
  const service: DependentsModuleService = req.scope.resolve(DEPENDENTS_MODULE)
  const type = await service.retrieveDependentType(req.params.id)
  const dependentCount = (await service.countDependentsByType())[type.id] ?? 0
  if (dependentCount > 0 && !req.validatedQuery.confirm) {
    const what = dependentCount === 1 ? `1 ${type.label_singular.toLowerCase()} is` : `${dependentCount} ${type.label_plural.toLowerCase()} are`
    answerConflict(res, {
      message: `${what} saved by customers. Deleting “${type.label_plural}” removes them from the portal and the customer pages; each is kept in its customer's activity history. Confirm to delete.`,
      dependent_count: dependentCount,
    })
    return
  }
  await deleteDependentTypeWorkflow(req.scope).run({ input: { id: type.id, actor: await requestActor(req) } })
  res.json({ id: type.id, object: "dependent_type", deleted: true })
}
