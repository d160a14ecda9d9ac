import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminComplaintListResponse, AdminComplaintResponse } from "@fieldservice/contract"
import { adminComplaint, listAdminComplaints } from "../../../queries/complaints"
import { openComplaintWorkflow } from "../../../workflows/complaints/open-complaint"
import { requestActor } from "../../utils/activity-actor"
import type { AdminComplaintListQuery, AdminComplaintOpeningBody } from "./validators"

/** The staff Complaints list: by status, category, who handles it, customer and age, newest first. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminComplaintListQuery>, res: MedusaResponse<AdminComplaintListResponse>) {
  res.json(await listAdminComplaints(req.scope, req.validatedQuery))
}

/** Staff open a complaint on the customer's behalf (a phone call, an email). */
export async function POST(req: AuthenticatedMedusaRequest<AdminComplaintOpeningBody>, res: MedusaResponse<AdminComplaintResponse>) {
  const { result } = await openComplaintWorkflow(req.scope).run({ input: { ...req.validatedBody, source: "staff", actor: await requestActor(req) } })
  res.status(201).json({ complaint: await adminComplaint(req.scope, result.id) })
}
