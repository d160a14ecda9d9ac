import { z } from "@medusajs/framework/zod"

/** The saved-card routes take nothing but the customer's session and the card in the path. */
export const StoreGetSavedCardsParams = z.object({}).strict()
export const StoreSavedCardAction = z.object({}).strict()

/** A saved card's id (Stripe's pm_…) as it may appear in a path: anything else is simply "not found". */
export const SAVED_CARD_ID = /^[A-Za-z0-9_]{1,255}$/
