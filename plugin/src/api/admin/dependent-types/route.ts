import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DEPENDENTS_MODULE, type DependentsModuleService } from "../../../modules/dependents"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../../modules/portal-access"
import { createDependentTypeWorkflow } from "../../../workflows/dependents/dependent-types"
import { dependentTypesWithFields } from "../../../queries/dependents"
import type { AdminCreateDependentTypeType } from "./validators"
import type { AdminDependentTypeListResponse, AdminDependentTypeResponse } from "@fieldservice/contract"

/** Settings → dependents/assets: the types with every field and how many dependents each has, and the portal switch. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminDependentTypeListResponse>) {
  const dependents: DependentsModuleService = req.scope.resolve(DEPENDENTS_MODULE)
  const portal: PortalAccessModuleService = req.scope.resolve(PORTAL_ACCESS_MODULE)
  const [types, counts, settings] = await Promise.all([dependentTypesWithFields(req.scope, "staff"), dependents.countDependentsByType(), portal.getSettings()])
  res.json({
    dependent_types: types.map((type) => ({ ...type, dependent_count: counts[type.id] ?? 0 })),
    portal_enabled: settings.dependents_enabled,
  })
}

export async function POST(req: AuthenticatedMedusaRequest<AdminCreateDependentTypeType>, res: MedusaResponse<AdminDependentTypeResponse>) {
  const { result } = await createDependentTypeWorkflow(req.scope).run({ input: req.validatedBody })
  const { id, label_singular, label_plural, rank } = result
  res.status(201).json({ dependent_type: { id, label_singular, label_plural, rank, fields: [] } })
}
