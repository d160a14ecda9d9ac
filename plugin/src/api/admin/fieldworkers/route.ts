import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { FIELDWORKERS_MODULE, type FieldworkersModuleService } from "../../../modules/fieldworkers"
import { createFieldworkerWorkflow } from "../../../workflows/fieldworkers/fieldworkers"
import { answerConflictError } from "../../utils/errors"
import type { AdminCreateFieldworkerType, AdminGetFieldworkersParamsType } from "./validators"
import { type FieldworkerRecord, presentFieldworker } from "./helpers"
import { escapeLike } from "../../../utils/sql-manager"
import type { AdminFieldworkerListResponse, AdminFieldworkerResponse, ErrorResponse } from "@fieldservice/contract"

/** Settings → Fieldworkers, and the booking page's fieldworker choice: by name; `q` finds a name, email or phone. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetFieldworkersParamsType>, res: MedusaResponse<AdminFieldworkerListResponse>) {
  const service: FieldworkersModuleService = req.scope.resolve(FIELDWORKERS_MODULE)
  const { q, active, limit, offset } = req.validatedQuery
  const filters: Record<string, unknown> = {}
  if (active !== undefined) filters.active = active
  if (q) {
    const pattern = `%${escapeLike(q)}%`
    filters.$or = [{ name: { $ilike: pattern } }, { email: { $ilike: pattern } }, { phone: { $ilike: pattern } }]
  }
  const [list, count] = await service.listAndCountFieldworkers(filters, { order: { name: "ASC", id: "ASC" }, take: limit, skip: offset })
  res.json({ fieldworkers: (list as unknown as FieldworkerRecord[]).map(presentFieldworker), count, limit, offset })
}

export async function POST(req: AuthenticatedMedusaRequest<AdminCreateFieldworkerType>, res: MedusaResponse<AdminFieldworkerResponse | ErrorResponse>) {
  try {
    const { result } = await createFieldworkerWorkflow(req.scope).run({ input: req.validatedBody })
    res.status(201).json({ fieldworker: presentFieldworker(result as unknown as FieldworkerRecord) })
  } catch (error) {
    if (answerConflictError(res, error)) return
    throw error
  }
}
