import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminComplaintResponse } from "@fieldservice/contract"
import { adminComplaint } from "../../../../../queries/complaints"
import { assignComplaintWorkflow } from "../../../../../workflows/complaints/assign-complaint"
import { requestActor } from "../../../../utils/activity-actor"
import type { ComplaintAssignmentBody } from "../../validators"

/** Gives the complaint to a staff member, or to no one (null). */
export async function POST(req: AuthenticatedMedusaRequest<ComplaintAssignmentBody>, res: MedusaResponse<AdminComplaintResponse>) {
  await assignComplaintWorkflow(req.scope).run({
    input: { id: req.params.id, assigned_user_id: req.validatedBody.assigned_user_id, actor: await requestActor(req) },
  })
  res.json({ complaint: await adminComplaint(req.scope, req.params.id) })
}
