// Saved cards on the customer page: /admin/customers/:id/saved-cards[/setup|/:card_id[/default]] and
// /admin/portal/stripe (the card form's publishable key and Stripe.js address).

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { toast } from "@medusajs/ui"
import { activityQueryKeys } from "./activity"
import { newBookingQueryKeys } from "./new-booking"
import { adminFetch } from "./sdk"
import type { AdminSavedCardSetupResponse, AdminStripeSettingsResponse } from "@fieldservice/contract"

export { useSavedCards } from "./new-booking"

export const savedCardPaths = {
  cards: (customerId: string, cardId?: string) => `/admin/customers/${customerId}/saved-cards${cardId ? `/${encodeURIComponent(cardId)}` : ""}`,
  stripe: "/admin/portal/stripe",
}

export const useStripeSettings = () =>
  useQuery({
    queryKey: ["admin-portal-stripe"],
    queryFn: () => adminFetch<AdminStripeSettingsResponse>(savedCardPaths.stripe),
    staleTime: 5 * 60 * 1000,
  })

/** After a card changes: the list (also the New booking page's) and the activity history, which names the staff member. */
export function useRefreshCards(customerId: string) {
  const queryClient = useQueryClient()
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: newBookingQueryKeys.cards(customerId) }),
      queryClient.invalidateQueries({ queryKey: activityQueryKeys.activity(customerId) }),
    ])
}

/** Set as default / Remove, with a toast either way. */
export function useCardAction(customerId: string, action: "default" | "remove") {
  const refresh = useRefreshCards(customerId)
  return useMutation({
    mutationFn: (cardId: string) =>
      action === "default"
        ? adminFetch(`${savedCardPaths.cards(customerId, cardId)}/default`, { method: "POST", body: {} })
        : adminFetch(savedCardPaths.cards(customerId, cardId), { method: "DELETE" }),
    onSuccess: async () => {
      toast.success(action === "default" ? "Default card changed" : "Card removed")
      await refresh()
    },
    onError: (error: Error) =>
      toast.error(error.message || (action === "default" ? "The default card could not be changed." : "The card could not be removed.")),
  })
}

/** Our server's SetupIntent for this customer; only its client secret goes to Stripe.js. */
export const startCardSetup = (customerId: string) =>
  adminFetch<AdminSavedCardSetupResponse>(`${savedCardPaths.cards(customerId)}/setup`, { method: "POST", body: {} })

/* ---- Stripe.js: the little of it the card form uses (https://docs.stripe.com/js) ---- */

type StripeFailure = { message?: string }
export type CardFormStripe = {
  elements(options: { mode: "setup"; currency: string; paymentMethodTypes: string[] }): CardFormElements
  confirmSetup(options: {
    elements: CardFormElements
    clientSecret: string
    confirmParams: { return_url: string }
    redirect: "if_required"
  }): Promise<{ error?: StripeFailure; setupIntent?: { payment_method: string | { id: string } | null } }>
}
export type CardFormElements = {
  create(type: "payment", options: { layout: "tabs" }): { mount(target: HTMLElement): void; destroy(): void }
  submit(): Promise<{ error?: StripeFailure }>
}
type StripeConstructor = (publishableKey: string) => CardFormStripe

let stripeScript: Promise<StripeConstructor> | null = null

/** Stripe.js, added to the admin page once (from the server's STRIPE_JS_URL, normally js.stripe.com). */
export function stripeJs(src: string): Promise<StripeConstructor> {
  const loaded = (window as unknown as { Stripe?: StripeConstructor }).Stripe
  if (loaded) return Promise.resolve(loaded)
  stripeScript ??= new Promise<StripeConstructor>((resolve, reject) => {
    const tag = Object.assign(document.createElement("script"), { src, async: true })
    tag.onload = () => {
      const Stripe = (window as unknown as { Stripe?: StripeConstructor }).Stripe
      if (Stripe) resolve(Stripe)
      else reject(new Error("Stripe.js did not start"))
    }
    tag.onerror = () => {
      stripeScript = null
      reject(new Error("Stripe.js could not be loaded"))
    }
    document.head.append(tag)
  })
  return stripeScript
}
