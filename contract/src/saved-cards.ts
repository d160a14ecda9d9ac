// Saved cards (kept by Stripe): /store/customers/me/saved-cards[/:id[/default]].

/** Saved cards (kept by Stripe) as the portal shows them. Shared by server and browser. */

/** A saved card's summary: never the number. */
export type StoreSavedCard = {
  id: string
  brand: string
  last4: string
  exp_month: number
  exp_year: number
  is_default: boolean
}

export type StoreSavedCardListResponse = { card_payments: boolean; saved_cards: StoreSavedCard[]; default_card_id: string | null }
/** POST /store/customers/me/saved-cards/:id/default */
export type StoreSavedCardResponse = { saved_card: StoreSavedCard }
/** DELETE /store/customers/me/saved-cards/:id */
export type StoreSavedCardDeleteResponse = { id: string; object: "saved_card"; deleted: true }
/** POST /store/customers/me/saved-cards/setup (201): the Stripe SetupIntent whose client secret Stripe's card form takes. */
export type StoreSavedCardSetupResponse = { setup_intent: { id: string; client_secret: string; status: string } }
