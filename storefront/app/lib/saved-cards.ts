import type { StoreSavedCard as SavedCard } from "@fieldservice/contract"

/** "Visa ending 4242": the contract's, so the emails name the card alike. */
export { brandName, cardLabel } from "@fieldservice/contract"

/** "08/2029" */
export function cardExpiry(card: Pick<SavedCard, "exp_month" | "exp_year">): string {
  return `${String(card.exp_month).padStart(2, "0")}/${card.exp_year}`
}

/** A card is good until the end of its expiry month. */
export function isExpired(card: Pick<SavedCard, "exp_month" | "exp_year">, now = new Date()): boolean {
  const year = now.getFullYear()
  return card.exp_year < year || (card.exp_year === year && card.exp_month < now.getMonth() + 1)
}

/** "Expires 08/2029" or "Expired 08/2021" */
export function expiryText(card: Pick<SavedCard, "exp_month" | "exp_year">): string {
  return `${isExpired(card) ? "Expired" : "Expires"} ${cardExpiry(card)}`
}

/** Where "Add a card" may send the customer back to: the Payments page or a booking's payment step. */
export function safeCardReturn(value: string | null | undefined): string {
  if (value && /^\/book\/[^/?#\\]+\/payment$/.test(value)) return value
  return "/account/payments"
}
