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

// Staff manage a customer's saved cards on the customer page: /admin/customers/:id/saved-cards[/setup|/:card_id[/default]]
// (the list, AdminSavedCardListResponse, is in phone-bookings.ts, where it was first used).

/** POST /admin/customers/:id/saved-cards/:card_id/default */
export type AdminSavedCardResponse = StoreSavedCardResponse
/** DELETE /admin/customers/:id/saved-cards/:card_id */
export type AdminSavedCardDeleteResponse = StoreSavedCardDeleteResponse
/** POST /admin/customers/:id/saved-cards/setup (201) */
export type AdminSavedCardSetupResponse = StoreSavedCardSetupResponse

/**
 * GET /admin/portal/stripe: what the admin's card form needs. `card_payments` is false without
 * Stripe; `publishable_key` is null when the server has no STRIPE_PUBLISHABLE_KEY (cards can be
 * listed and changed, but not added, from the admin).
 */
export type AdminStripeSettings = { card_payments: boolean; publishable_key: string | null; js_url: string }
export type AdminStripeSettingsResponse = { stripe: AdminStripeSettings }
