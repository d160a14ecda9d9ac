import type { MedusaContainer } from "@medusajs/framework/types"
import { MAX_COMPLAINT_DESCRIPTION } from "@fieldservice/contract"
import { COMPLAINTS_MODULE, type ComplaintsModuleService } from "../../modules/complaints"
import { openComplaintWorkflow } from "./open-complaint"

/** `rating.low_rating_given`, as the ratings slice emits it. */
export type LowRatingGiven = { rating_id: string; booking_id: string; customer_id: string; stars: number; comment?: string | null }

const plural = (stars: number) => `${stars} star${stars === 1 ? "" : "s"}`

/** The complaint's description: the customer's comment, or a line saying what they gave. */
export function lowRatingDescription(data: Pick<LowRatingGiven, "stars" | "comment">): string {
  const comment = data.comment?.trim()
  const text = comment ? `Rated ${plural(data.stars)}: ${comment}` : `Rated the visit ${plural(data.stars)}, with no comment.`
  return text.slice(0, MAX_COMPLAINT_DESCRIPTION)
}

/**
 * Opens the complaint a low rating asks for, once per rating: an event delivered twice, or a rating
 * changed to another low one, finds the complaint already there (a unique index on rating_id
 * settles a race). Answers the complaint's id, new or not.
 */
export async function openComplaintFromRating(container: MedusaContainer, data: LowRatingGiven): Promise<string> {
  const complaints: ComplaintsModuleService = container.resolve(COMPLAINTS_MODULE)
  const existing = async () => (await complaints.listComplaints({ rating_id: data.rating_id }, { take: 1, select: ["id"] }))[0]?.id
  const found = await existing()
  if (found) return found
  try {
    const { result } = await openComplaintWorkflow(container).run({
      input: {
        customer_id: data.customer_id,
        booking_id: data.booking_id,
        rating_id: data.rating_id,
        source: "rating",
        category: "quality_of_work",
        description: lowRatingDescription(data),
        actor: { type: "system", name: "Low rating" },
      },
    })
    return result.id
  } catch (error) {
    const raced = await existing()
    if (raced) return raced
    throw error
  }
}
