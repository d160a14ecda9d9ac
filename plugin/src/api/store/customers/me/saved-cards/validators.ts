import { SAVED_CARD_ID, SavedCardAction } from "../../../../utils/common-validators/saved-card"

/** The saved-card routes take nothing but the customer's session and the card in the path. */
export const StoreGetSavedCardsParams = SavedCardAction
export const StoreSavedCardAction = SavedCardAction

export { SAVED_CARD_ID }
