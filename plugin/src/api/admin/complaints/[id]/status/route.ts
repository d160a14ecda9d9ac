import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminComplaintResponse } from "@fieldservice/contract"
import { adminComplaint } from "../../../../../queries/complaints"
import { changeComplaintStatusWorkflow } from "../../../../../workflows/complaints/change-complaint-status"
import { complaintPortalUrl } from "../../../../utils/complaint-photos"
import { requestActor } from "../../../../utils/activity-actor"
import type { ComplaintStatusChangeBody } from "../../validators"

/** Moves the complaint on: in progress, resolved (with a note), closed, or open again; the customer is told. */
export async function POST(req: AuthenticatedMedusaRequest<ComplaintStatusChangeBody>, res: MedusaResponse<AdminComplaintResponse>) {
  const { status, note } = req.validatedBody
  await changeComplaintStatusWorkflow(req.scope).run({
    input: { id: req.params.id, status, note, actor: await requestActor(req), complaint_url: complaintPortalUrl(req.scope, req.params.id) },
  })
  res.json({ complaint: await adminComplaint(req.scope, req.params.id) })
}
