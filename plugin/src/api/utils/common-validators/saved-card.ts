import { z } from "@medusajs/framework/zod"

/** The saved-card routes (portal and customer page) take no body and no query: only the ids in the path. */
export const SavedCardAction = z.object({}).strict()

/** A saved card's id (Stripe's pm_…) as it may appear in a path: anything else is simply "not found". */
export const SAVED_CARD_ID = /^[A-Za-z0-9_]{1,255}$/
