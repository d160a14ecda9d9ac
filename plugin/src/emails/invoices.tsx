import { Text } from "@react-email/components"
import { ActionButton, FallbackLink, Greeting, Layout } from "./layout"
import { defineTemplate } from "./template"

export type InvoiceIssuedData = { first_name?: string; invoice_number: string; amount_text: string; status_text: string; invoice_url: string }

/** A new invoice, its PDF attached: what it is for, what is owed and by when, and where to pay. */
export function InvoiceIssuedEmail({
  businessName,
  first_name,
  invoice_number,
  amount_text,
  status_text,
  invoice_url,
}: InvoiceIssuedData & { businessName: string }) {
  return (
    <Layout businessName={businessName} preview={`Invoice ${invoice_number} from ${businessName}`}>
      <Greeting firstName={first_name} />
      <Text>{`Thank you for choosing ${businessName}. Your invoice ${invoice_number} for ${amount_text} is attached.`}</Text>
      <Text>{status_text}</Text>
      <ActionButton href={invoice_url}>View and pay online</ActionButton>
      <FallbackLink href={invoice_url} />
    </Layout>
  )
}

export const invoiceIssued = defineTemplate<InvoiceIssuedData>({
  id: "invoice-issued",
  subject: (businessName, data) => `Invoice ${data.invoice_number} from ${businessName}`,
  fields: { first_name: "optional-string", invoice_number: "string", amount_text: "string", status_text: "string", invoice_url: "url" },
  Component: InvoiceIssuedEmail,
})

export type InvoiceReceiptData = {
  first_name?: string
  invoice_number: string
  amount_text: string
  method_text: string
  balance_text: string
  invoice_url: string
}

/** A receipt for money received against an invoice (or a refund of it). */
export function InvoiceReceiptEmail({
  businessName,
  first_name,
  invoice_number,
  amount_text,
  method_text,
  balance_text,
  invoice_url,
}: InvoiceReceiptData & { businessName: string }) {
  return (
    <Layout businessName={businessName} preview={`Receipt for invoice ${invoice_number}`}>
      <Greeting firstName={first_name} />
      <Text>{`We have recorded ${amount_text} (${method_text}) against invoice ${invoice_number}. Thank you.`}</Text>
      <Text>{balance_text}</Text>
      <ActionButton href={invoice_url}>View the invoice</ActionButton>
      <FallbackLink href={invoice_url} />
    </Layout>
  )
}

export const invoiceReceipt = defineTemplate<InvoiceReceiptData>({
  id: "invoice-receipt",
  subject: (_businessName, data) => `Receipt for invoice ${data.invoice_number}`,
  fields: { first_name: "optional-string", invoice_number: "string", amount_text: "string", method_text: "string", balance_text: "string", invoice_url: "url" },
  Component: InvoiceReceiptEmail,
})
