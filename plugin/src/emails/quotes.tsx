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
