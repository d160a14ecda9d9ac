import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ComplaintOpeningForm, StoreComplaintListResponse, StoreComplaintResponse } from "@fieldservice/contract"
import { listStoreComplaints, storeComplaint } from "../../../../../queries/complaints"
import { openComplaintWorkflow } from "../../../../../workflows/complaints/open-complaint"

/** The customer's complaints, newest first. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, { limit: number; offset: number }>, res: MedusaResponse<StoreComplaintListResponse>) {
  res.json(await listStoreComplaints(req.scope, req.auth_context.actor_id, req.validatedQuery))
}

/** "Report a problem": a complaint about one of the customer's past visits, or from Support about anything. */
export async function POST(req: AuthenticatedMedusaRequest<ComplaintOpeningForm>, res: MedusaResponse<StoreComplaintResponse>) {
  const customerId = req.auth_context.actor_id
  const { result } = await openComplaintWorkflow(req.scope).run({
    input: { ...req.validatedBody, customer_id: customerId, source: "customer", actor: { type: "customer", id: customerId } },
  })
  res.status(201).json({ complaint: await storeComplaint(req.scope, customerId, result.id) })
}
