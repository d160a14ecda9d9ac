import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreComplaintResponse } from "@fieldservice/contract"
import { storeComplaint } from "../../../../../../../queries/complaints"
import { addComplaintPhotoWorkflow } from "../../../../../../../workflows/complaints/add-complaint-photo"
import type { AttachmentUploadRequest } from "../../../../../../utils/attachment-upload"

/** The customer adds a photo or PDF to their own complaint (multipart "file", at most 10 MB); 201 with the complaint. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreComplaintResponse>) {
  const customerId = req.auth_context.actor_id
  const file = (req as unknown as AttachmentUploadRequest).uploadedAttachment
  await addComplaintPhotoWorkflow(req.scope).run({
    input: { complaint_id: req.params.id, customer_id: customerId, file, added_by: "customer", actor: { type: "customer", id: customerId } },
  })
  res.status(201).json({ complaint: await storeComplaint(req.scope, customerId, req.params.id) })
}
