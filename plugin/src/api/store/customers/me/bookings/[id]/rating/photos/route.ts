import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ErrorResponse, StoreBookingRatingResponse } from "@fieldservice/contract"
import type { ImageUploadRequest } from "../../../../../../../utils/image-upload"
import { answeringConflicts } from "../../../helpers"
import { loadStoreBookingRating } from "../../../../../../../utils/ratings"
import { addRatingPhotoWorkflow } from "../../../../../../../../workflows/ratings/add-rating-photo"

/** Add a photo to the visit's rating (multipart "file": JPEG, PNG or WebP checked by content, at most 5 MB; 3 at most). */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreBookingRatingResponse | ErrorResponse>) {
  const image = (req as unknown as ImageUploadRequest).uploadedImage
  const filename = (req as unknown as { file?: { originalname?: string } }).file?.originalname
  await answeringConflicts(res, async () => {
    await addRatingPhotoWorkflow(req.scope).run({ input: { customer_id: req.auth_context.actor_id, booking_id: req.params.id, image, filename } })
    res.status(201).json(await loadStoreBookingRating(req.scope, req.auth_context.actor_id, req.params.id))
  })
}
