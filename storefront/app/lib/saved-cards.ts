/** "Visa ending 4242" and expiry: the contract's, so the emails and the customer page name the card alike. */
export { brandName, cardExpiry, cardLabel, expiryText, isCardExpired as isExpired } from "@fieldservice/contract"

/** Where "Add a card" may send the customer back to: the Payments page, a booking's payment step or the gift voucher page. */
export function safeCardReturn(value: string | null | undefined): string {
  if (value && /^\/book\/[^/?#\\]+\/payment$/.test(value)) return value
  if (value === "/gift-cards/buy") return value
  return "/account/payments"
}
