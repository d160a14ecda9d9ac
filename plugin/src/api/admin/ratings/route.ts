import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminRatingsQuery, AdminRatingsResponse } from "@fieldservice/contract"
import { RATINGS_MODULE, type RatingsModuleService } from "../../../modules/ratings"
import { adminPhotoUrl, presentRating } from "../../../workflows/ratings/rating-record"

/** Ratings, newest first: a customer's, a booking's or a fieldworker's (the customer, booking and fieldworker pages). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminRatingsResponse>) {
  const { limit, offset, ...filters } = req.validatedQuery as AdminRatingsQuery
  const ratings: RatingsModuleService = req.scope.resolve(RATINGS_MODULE)
  const where = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined))
  const [rows, count] = await ratings.listAndCountRatings(where, { take: limit, skip: offset, order: { created_at: "DESC" }, relations: ["photos"] })
  res.json({ ratings: rows.map((row) => presentRating(row, adminPhotoUrl(row.id))), count, limit, offset })
}
