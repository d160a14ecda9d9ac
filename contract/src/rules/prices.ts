/** How prices read wherever a booking is shown: the portal's pages and the booking emails. */

import { BUSINESS_LOCALE } from "./locale"

/** "£65.00" in the business's currency (in the business's locale). */
export function formatMoney(amount: number, currencyCode: string): string {
  try {
    return new Intl.NumberFormat(BUSINESS_LOCALE, { style: "currency", currency: currencyCode.toUpperCase() }).format(amount)
  } catch {
    return `${amount.toFixed(2)} ${currencyCode.toUpperCase()}`
  }
}

/** When the total is paid: held on the saved card (named, e.g. "Visa ending 4242") and taken after the visit, or on the day. */
export const priceDueText = (card: string | null) => (card ? `Reserved on your ${card} and taken after the visit.` : "Paid on the day of the visit.")

const CARD_BRANDS: Record<string, string> = {
  visa: "Visa",
  mastercard: "Mastercard",
  amex: "American Express",
  discover: "Discover",
  diners: "Diners Club",
  jcb: "JCB",
  unionpay: "UnionPay",
  cartes_bancaires: "Cartes Bancaires",
}

/** "Visa" for Stripe's "visa"; "Card" for a brand we don't name. */
export function brandName(brand: string): string {
  return CARD_BRANDS[brand] ?? "Card"
}

/** "Visa ending 4242": how a saved card is named on the payment step and in emails. */
export function cardLabel(card: { brand: string; last4: string }): string {
  return `${brandName(card.brand)} ending ${card.last4}`
}

type CardExpiry = { exp_month: number; exp_year: number }

/** "08/2029" */
export function cardExpiry(card: CardExpiry): string {
  return `${String(card.exp_month).padStart(2, "0")}/${card.exp_year}`
}

/** A card is good until the end of its expiry month. */
export function isCardExpired(card: CardExpiry, now = new Date()): boolean {
  const year = now.getFullYear()
  return card.exp_year < year || (card.exp_year === year && card.exp_month < now.getMonth() + 1)
}

/** "Expires 08/2029" or "Expired 08/2021": the portal's Payments page and the customer page alike. */
export function expiryText(card: CardExpiry): string {
  return `${isCardExpired(card) ? "Expired" : "Expires"} ${cardExpiry(card)}`
}
