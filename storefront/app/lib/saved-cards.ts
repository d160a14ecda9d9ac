import type { StoreSavedCard as SavedCard } from "@fieldservice/contract"

const BRANDS: Record<string, string> = {
  visa: "Visa",
  mastercard: "Mastercard",
  amex: "American Express",
  discover: "Discover",
  diners: "Diners Club",
  jcb: "JCB",
  unionpay: "UnionPay",
  cartes_bancaires: "Cartes Bancaires",
}

export function brandName(brand: string): string {
  return BRANDS[brand] ?? "Card"
}

/** "Visa ending 4242" */
export function cardLabel(card: Pick<SavedCard, "brand" | "last4">): string {
  return `${brandName(card.brand)} ending ${card.last4}`
}

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
