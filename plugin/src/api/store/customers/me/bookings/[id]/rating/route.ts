import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ErrorResponse, RatingBody, StoreBookingRatingResponse } from "@fieldservice/contract"
import { answeringConflicts } from "../../helpers"
import { loadStoreBookingRating } from "../../../../../../utils/ratings"
import { giveRatingWorkflow } from "../../../../../../../workflows/ratings/give-rating"

/** The visit's rating (or null), until when it can be given or changed, and the business's review link. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreBookingRatingResponse>) {
  res.json(await loadStoreBookingRating(req.scope, req.auth_context.actor_id, req.params.id))
}

async function giveRating(
  req: AuthenticatedMedusaRequest<RatingBody>,
  res: MedusaResponse<StoreBookingRatingResponse | ErrorResponse>,
  mode: "create" | "update"
) {
  await answeringConflicts(res, async () => {
    await giveRatingWorkflow(req.scope).run({ input: { customer_id: req.auth_context.actor_id, booking_id: req.params.id, ...req.validatedBody, mode } })
    res.status(mode === "create" ? 201 : 200).json(await loadStoreBookingRating(req.scope, req.auth_context.actor_id, req.params.id))
  })
}

/** Rate a completed visit: 1–5 stars and an optional comment (409 if it already has a rating). */
export async function POST(req: AuthenticatedMedusaRequest<RatingBody>, res: MedusaResponse<StoreBookingRatingResponse | ErrorResponse>) {
  await giveRating(req, res, "create")
}

/** Change the rating, for 14 days after the visit was completed. */
export async function PUT(req: AuthenticatedMedusaRequest<RatingBody>, res: MedusaResponse<StoreBookingRatingResponse | ErrorResponse>) {
  await giveRating(req, res, "update")
}
