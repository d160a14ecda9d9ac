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
/** POST …/saved-cards/setup: a Stripe SetupIntent whose client secret goes to Stripe's card form. */
export type StoreSavedCardSetupResponse = { setup_intent: { id: string; client_secret: string } }
