import { Text } from "@react-email/components"
import { ActionButton, FallbackLink, Greeting, Layout } from "./layout"
import { defineTemplate } from "./template"

export type AutomaticPaymentFailedData = {
  first_name?: string
  /** "INV-2027-000123" */
  invoice_number: string
  amount_text: string
  /** "Visa ending 0341", or "your saved card" */
  card_text: string
  /** Stripe's reason: "Your card was declined." */
  reason_text: string
  /** "We'll try again on 4 March 2027." or "We won't try the card again." */
  retry_text: string
  pay_url: string
}

/** An automatic charge that didn't go through: why, whether it will be tried again, and a link to pay by hand. */
export function AutomaticPaymentFailedEmail({
  businessName,
  first_name,
  invoice_number,
  amount_text,
  card_text,
  reason_text,
  retry_text,
  pay_url,
}: AutomaticPaymentFailedData & { businessName: string }) {
  return (
    <Layout businessName={businessName} preview={`We couldn't take the payment for invoice ${invoice_number}`}>
      <Greeting firstName={first_name} />
      <Text>{`We tried to charge ${amount_text} for invoice ${invoice_number} to your ${card_text}, as you asked us to, but it didn't go through: ${reason_text}`}</Text>
      <Text>{retry_text}</Text>
      <Text>You can pay it now with this or another card, or change your default card in the portal.</Text>
      <ActionButton href={pay_url}>Pay invoice {invoice_number}</ActionButton>
      <FallbackLink href={pay_url} />
    </Layout>
  )
}

export const automaticPaymentFailed = defineTemplate<AutomaticPaymentFailedData>({
  id: "automatic-payment-failed",
  subject: (_businessName, data) => `We couldn't take the payment for invoice ${data.invoice_number}`,
  fields: {
    first_name: "optional-string",
    invoice_number: "string",
    amount_text: "string",
    card_text: "string",
    reason_text: "string",
    retry_text: "string",
    pay_url: "url",
  },
  Component: AutomaticPaymentFailedEmail,
})
