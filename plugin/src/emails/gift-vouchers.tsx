import { Text } from "@react-email/components"
import { ActionButton, FallbackLink, Layout } from "./layout"
import { defineTemplate } from "./template"

export type GiftVoucherDeliveryData = {
  recipient_name: string
  buyer_name: string
  /** "£50" or "Regular clean (2 bedrooms)". */
  value_text: string
  code: string
  message?: string
  expiry_text: string
  book_url: string
}

/** To the person a voucher is for, on its delivery day, with the printable voucher attached. */
export function GiftVoucherDeliveryEmail({
  businessName,
  recipient_name,
  buyer_name,
  value_text,
  code,
  message,
  expiry_text,
  book_url,
}: GiftVoucherDeliveryData & { businessName: string }) {
  return (
    <Layout businessName={businessName} preview={`${buyer_name} sent you a gift voucher for ${businessName}`}>
      <Text>{`Hello ${recipient_name},`}</Text>
      <Text>{`${buyer_name} sent you a gift voucher for ${businessName}: ${value_text}.`}</Text>
      {message ? <Text style={{ fontStyle: "italic" }}>{`"${message}"`}</Text> : null}
      <Text style={{ fontSize: "20px", fontWeight: 700, letterSpacing: "2px" }}>{code}</Text>
      <Text>{`${expiry_text} To use it, book a visit online and enter the code at the payment step; no account is needed to receive it. The voucher is attached to print.`}</Text>
      <ActionButton href={book_url}>Book a visit</ActionButton>
      <FallbackLink href={book_url} />
    </Layout>
  )
}

export const giftVoucherDelivery = defineTemplate<GiftVoucherDeliveryData>({
  id: "gift-voucher-delivery",
  subject: (businessName, data) => `${data.buyer_name} sent you a gift voucher for ${businessName}`,
  fields: {
    recipient_name: "string",
    buyer_name: "string",
    value_text: "string",
    code: "string",
    message: "optional-string",
    expiry_text: "string",
    book_url: "url",
  },
  Component: GiftVoucherDeliveryEmail,
})

export type GiftVoucherReceiptData = {
  first_name?: string
  value_text: string
  amount_text: string
  card_text: string
  recipient_name: string
  delivery_text: string
  voucher_url: string
}

/** To the buyer when the voucher is paid: what they bought, what was charged, and when it is sent. */
export function GiftVoucherReceiptEmail({
  businessName,
  first_name,
  value_text,
  amount_text,
  card_text,
  recipient_name,
  delivery_text,
  voucher_url,
}: GiftVoucherReceiptData & { businessName: string }) {
  return (
    <Layout businessName={businessName} preview={`Your gift voucher for ${recipient_name}`}>
      <Text>{first_name ? `Hello ${first_name},` : "Hello,"}</Text>
      <Text>{`Thank you for buying a gift voucher for ${recipient_name}: ${value_text}.`}</Text>
      <Text>{`${amount_text} was charged to your ${card_text}.`}</Text>
      <Text>{delivery_text}</Text>
      <ActionButton href={voucher_url}>See the voucher</ActionButton>
      <FallbackLink href={voucher_url} />
    </Layout>
  )
}

export const giftVoucherReceipt = defineTemplate<GiftVoucherReceiptData>({
  id: "gift-voucher-receipt",
  subject: (businessName, data) => `Your gift voucher for ${data.recipient_name} from ${businessName}`,
  fields: {
    first_name: "optional-string",
    value_text: "string",
    amount_text: "string",
    card_text: "string",
    recipient_name: "string",
    delivery_text: "string",
    voucher_url: "url",
  },
  Component: GiftVoucherReceiptEmail,
})
