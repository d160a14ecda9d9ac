import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminComplaintResponse } from "@fieldservice/contract"
import { adminComplaint } from "../../../../../queries/complaints"
import { addComplaintPhotoWorkflow } from "../../../../../workflows/complaints/add-complaint-photo"
import { requestActor } from "../../../../utils/activity-actor"
import type { AttachmentUploadRequest } from "../../../../utils/attachment-upload"

/** Staff add a photo or PDF the customer sent another way (multipart "file", checked by content). */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminComplaintResponse>) {
  const file = (req as unknown as AttachmentUploadRequest).uploadedAttachment
  await addComplaintPhotoWorkflow(req.scope).run({ input: { complaint_id: req.params.id, file, added_by: "staff", actor: await requestActor(req) } })
  res.status(201).json({ complaint: await adminComplaint(req.scope, req.params.id) })
}
