import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { answerConflictError } from "../../../utils/errors"
import type { AdminMergeCustomersType } from "../validators"
import { requestActor } from "../../../utils/activity-actor"
import { mergeCustomersWorkflow } from "../../../../workflows/customer-merge/merge-customers"
import type { AdminMergeResponse, ErrorResponse } from "@fieldservice/contract"

/** Merges secondary_id into primary_id: everything moves to the primary and the secondary is deleted. Cannot be undone. */
export async function POST(req: AuthenticatedMedusaRequest<AdminMergeCustomersType>, res: MedusaResponse<AdminMergeResponse | ErrorResponse>) {
  const actor = await requestActor(req)
  try {
    const { result } = await mergeCustomersWorkflow(req.scope).run({
      input: {
        primary_id: req.validatedBody.primary_id,
        secondary_id: req.validatedBody.secondary_id,
        actor: actor.email ?? null,
        actor_id: req.auth_context?.actor_id ?? null,
      },
    })
    res.status(201).json({ merge: result })
  } catch (error) {
    if (answerConflictError(res, error)) return
    throw error
  }
}
