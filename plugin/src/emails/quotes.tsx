import { Text } from "@react-email/components"
import { ActionButton, FallbackLink, Greeting, Layout } from "./layout"
import { defineTemplate } from "./template"

export type QuoteSentData = { first_name?: string; quote_number: string; quote_title: string; amount_text: string; expiry_text: string; quote_url: string }

/** A quote (or its new version), its PDF attached: what it is for, until when, and where to answer it. */
export function QuoteSentEmail({
  businessName,
  first_name,
  quote_number,
  quote_title,
  amount_text,
  expiry_text,
  quote_url,
}: QuoteSentData & { businessName: string }) {
  return (
    <Layout businessName={businessName} preview={`Quote ${quote_number} from ${businessName}`}>
      <Greeting firstName={first_name} />
      <Text>{`Thank you for asking ${businessName}. Our quote ${quote_number} for ${quote_title} (${amount_text}) is attached.`}</Text>
      <Text>{expiry_text}</Text>
      <ActionButton href={quote_url}>View and answer the quote</ActionButton>
      <FallbackLink href={quote_url} />
    </Layout>
  )
}

export const quoteSent = defineTemplate<QuoteSentData>({
  id: "quote-sent",
  subject: (businessName, data) => `Quote ${data.quote_number} from ${businessName}`,
  fields: { first_name: "optional-string", quote_number: "string", quote_title: "string", amount_text: "string", expiry_text: "string", quote_url: "url" },
  Component: QuoteSentEmail,
})

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
  /** The quote's page in the admin. */
  admin_url?: string
}

/** To the office: a customer acted on a quote in the portal. */
export function QuoteCustomerActionOfficeEmail({
  businessName,
  summary,
  message,
  customer_name,
  customer_email,
  customer_phone,
  admin_url,
}: QuoteCustomerActionOfficeData & { businessName: string }) {
  return (
    <Layout businessName={businessName} preview={summary}>
      <Text>{summary}</Text>
      {message ? <Text style={{ whiteSpace: "pre-wrap", borderLeft: "3px solid #ccc", paddingLeft: "12px" }}>{message}</Text> : null}
      <Text style={{ margin: "0 0 4px" }}>
        <strong>Customer:</strong> {customer_name}, {customer_email}
        {customer_phone ? `, ${customer_phone}` : ""}
      </Text>
      {admin_url ? (
        <>
          <ActionButton href={admin_url}>Open the quote</ActionButton>
          <FallbackLink href={admin_url} />
        </>
      ) : (
        <Text>The quote and its history are in the admin, under Quotes.</Text>
      )}
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
    admin_url: "optional-string",
  },
  Component: QuoteCustomerActionOfficeEmail,
})
