import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminRatingSettingsResponse, RatingSettings, RatingSettingsUpdate } from "@fieldservice/contract"
import { RATINGS_MODULE, type RatingsModuleService } from "../../../../modules/ratings"
import { updateRatingSettingsWorkflow } from "../../../../workflows/ratings/update-settings"

const present = ({ id: _id, ...settings }: RatingSettings & { id: string | null }): RatingSettings => settings

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminRatingSettingsResponse>) {
  const ratings: RatingsModuleService = req.scope.resolve(RATINGS_MODULE)
  res.json({ settings: present(await ratings.getRatingSettings()) })
}

/** Settings → Ratings: the low-rating threshold (0 turns alerts off) and the public review link. */
export async function POST(req: AuthenticatedMedusaRequest<RatingSettingsUpdate>, res: MedusaResponse<AdminRatingSettingsResponse>) {
  const { result } = await updateRatingSettingsWorkflow(req.scope).run({ input: req.validatedBody })
  res.json({ settings: present(result) })
}
