import { Text } from "@react-email/components"
import { Layout } from "./layout"
import { defineTemplate } from "./template"

/* The customer's side of a quote: accepted, declined or changes asked for, told to the office. */

export type QuoteCustomerActionOfficeData = {
  quote_title: string
  quote_number: string
  summary: string
  /** The decline's reason or the change request's message, in the customer's words. */
  message?: string
  customer_name: string
  customer_email: string
  customer_phone?: string
}

/** To the office: a customer acted on a quote in the portal. */
export function QuoteCustomerActionOfficeEmail({
  businessName,
  summary,
  message,
  customer_name,
  customer_email,
  customer_phone,
}: QuoteCustomerActionOfficeData & { businessName: string }) {
  return (
    <Layout businessName={businessName} preview={summary}>
      <Text>{summary}</Text>
      {message ? <Text style={{ whiteSpace: "pre-wrap", borderLeft: "3px solid #ccc", paddingLeft: "12px" }}>{message}</Text> : null}
      <Text style={{ margin: "0 0 4px" }}>
        <strong>Customer:</strong> {customer_name}, {customer_email}
        {customer_phone ? `, ${customer_phone}` : ""}
      </Text>
      <Text>The quote and its history are in the admin, under Quotes.</Text>
    </Layout>
  )
}

export const quoteCustomerActionOffice = defineTemplate<QuoteCustomerActionOfficeData>({
  id: "quote-customer-action-office",
  subject: (_businessName, data) => `Quote ${data.quote_number} (${data.quote_title}): ${data.summary.split(":")[0]}`,
  fields: {
    quote_title: "string",
    quote_number: "string",
    summary: "string",
    message: "optional-string",
    customer_name: "string",
    customer_email: "string",
    customer_phone: "optional-string",
  },
  Component: QuoteCustomerActionOfficeEmail,
})
