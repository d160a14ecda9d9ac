import { Text } from "@react-email/components"
import { Greeting, Layout } from "./layout"
import { defineTemplate } from "./template"

export type StaffMessageData = { subject: string; body: string; first_name?: string; sender_name?: string }

/** "Hi Ursula,", "Dear Mr Brown", "Hello," … : the writer greeted the customer already. */
const OPENS_WITH_GREETING = /^(hi|hello|hey|dear|good (morning|afternoon|evening)|greetings)\b/i

/** The message's paragraphs, blank lines between them. */
function messageParagraphs(body: string): string[] {
  return body
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
}

/** A message a staff member writes to a customer from the customer page; replies go to the staff member. */
export function StaffMessageEmail({ businessName, subject, body, first_name, sender_name }: StaffMessageData & { businessName: string }) {
  const paragraphs = messageParagraphs(body)
  return (
    <Layout businessName={businessName} preview={subject}>
      {!OPENS_WITH_GREETING.test(paragraphs[0] ?? "") && <Greeting firstName={first_name} />}
      {paragraphs.map((paragraph, index) => (
        <Text key={index} style={{ whiteSpace: "pre-line" }}>
          {paragraph}
        </Text>
      ))}
      {/* The signature: the writer's name, then the business, each on its own line. */}
      <Text data-signature="">
        {sender_name && (
          <>
            {sender_name}
            <br />
          </>
        )}
        {businessName}
      </Text>
      {sender_name && <Text style={{ color: "#6b7280", fontSize: 13 }}>{`Reply to this email to answer ${sender_name} directly.`}</Text>}
    </Layout>
  )
}

export const staffMessage = defineTemplate<StaffMessageData>({
  id: "staff-message",
  subject: (_businessName, data) => data.subject,
  fields: { subject: "string", body: "string", first_name: "optional-string", sender_name: "optional-string" },
  Component: StaffMessageEmail,
})
