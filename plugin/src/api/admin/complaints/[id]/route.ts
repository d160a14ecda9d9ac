import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminComplaintResponse } from "@fieldservice/contract"
import { adminComplaint } from "../../../../queries/complaints"

/** One complaint with its customer, visit, photos, who handles it and its age. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminComplaintResponse>) {
  res.json({ complaint: await adminComplaint(req.scope, req.params.id) })
}
