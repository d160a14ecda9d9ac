import { Text } from "@react-email/components"
import { ActionButton, FallbackLink, Greeting, Layout } from "./layout"
import { defineTemplate } from "./template"

export type InvoicePaymentReceiptData = {
  first_name?: string
  amount_text: string
  method_text: string
  /** "INV-2026-000123 (£78.00) and INV-2026-000124 (£42.00)". */
  invoices_text: string
  invoices_url: string
}

/** One receipt for one online payment, however many invoices it paid. */
export function InvoicePaymentReceiptEmail({
  businessName,
  first_name,
  amount_text,
  method_text,
  invoices_text,
  invoices_url,
}: InvoicePaymentReceiptData & { businessName: string }) {
  return (
    <Layout businessName={businessName} preview={`Receipt for your payment of ${amount_text}`}>
      <Greeting firstName={first_name} />
      <Text>{`Thank you for your payment of ${amount_text} with your ${method_text}.`}</Text>
      <Text>{`It paid ${invoices_text} in full.`}</Text>
      <ActionButton href={invoices_url}>View your invoices</ActionButton>
      <FallbackLink href={invoices_url} />
    </Layout>
  )
}

export const invoicePaymentReceipt = defineTemplate<InvoicePaymentReceiptData>({
  id: "invoice-payment-receipt",
  subject: (_businessName, data) => `Receipt for your payment of ${data.amount_text}`,
  fields: { first_name: "optional-string", amount_text: "string", method_text: "string", invoices_text: "string", invoices_url: "url" },
  Component: InvoicePaymentReceiptEmail,
})
