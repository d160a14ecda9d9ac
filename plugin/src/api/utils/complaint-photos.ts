import type { MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { COMPLAINTS_MODULE, type ComplaintsModuleService } from "../../modules/complaints"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../modules/portal-access"
import { complaintNotFound } from "../../workflows/complaints/steps/complaint-steps"
import { sendAttachmentFile } from "./private-files"

/**
 * Streams a photo of a complaint from private storage. `customerId` limits it to the customer's own
 * complaint; another's complaint, another complaint's photo, or a removed one is the same 404.
 */
export async function sendComplaintPhoto(scope: MedusaContainer, res: MedusaResponse, complaintId: string, photoId: string, customerId?: string) {
  const complaints: ComplaintsModuleService = scope.resolve(COMPLAINTS_MODULE)
  const [complaint] = await complaints.listComplaints({ id: complaintId, ...(customerId ? { customer_id: customerId } : {}) }, { take: 1, select: ["id"] })
  if (!complaint) throw complaintNotFound(complaintId)
  const [photo] = await complaints.listComplaintFiles({ id: photoId, complaint_id: complaint.id }, { take: 1 })
  if (!photo) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Photo ${photoId} was not found`)
  await sendAttachmentFile(scope, res, photo)
}

/** The complaint's page in the portal, for the customer's email. */
export const complaintPortalUrl = (scope: MedusaContainer, id: string) =>
  (scope.resolve(PORTAL_ACCESS_MODULE) as PortalAccessModuleService).portalLink(`/complaints/${id}`)
