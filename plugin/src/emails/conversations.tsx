import { Text } from "@react-email/components"
import { ActionButton, FallbackLink, Greeting, Layout } from "./layout"
import { defineTemplate } from "./template"

const quoteStyle = { whiteSpace: "pre-wrap" as const, borderLeft: "3px solid #ccc", paddingLeft: "12px" }

/* Messages (issue #21): replies happen in the portal or the admin, by the link, never by answering the email. */

export type ConversationMessageData = {
  first_name?: string
  conversation_title: string
  /** The unread messages, each "Name: text", blank lines between. */
  messages_text: string
  conversation_url: string
}

/** To the customer: the office wrote and they haven't read it for a few minutes. */
export function ConversationMessageEmail({
  businessName,
  first_name,
  conversation_title,
  messages_text,
  conversation_url,
}: ConversationMessageData & { businessName: string }) {
  return (
    <Layout businessName={businessName} preview={`New message from ${businessName}`}>
      <Greeting firstName={first_name} />
      <Text>{`You have a new message from ${businessName} about ${conversation_title === "General" ? "your account" : conversation_title}:`}</Text>
      <Text style={quoteStyle}>{messages_text}</Text>
      <ActionButton href={conversation_url}>Read and reply</ActionButton>
      <FallbackLink href={conversation_url} />
      <Text style={{ color: "#6b7280", fontSize: 13 }}>Please reply through the link: answers to this email are not read.</Text>
    </Layout>
  )
}

export const conversationMessage = defineTemplate<ConversationMessageData>({
  id: "conversation-message",
  subject: (businessName, data) => `New message from ${businessName}${data.conversation_title === "General" ? "" : `: ${data.conversation_title}`}`,
  fields: { first_name: "optional-string", conversation_title: "string", messages_text: "string", conversation_url: "url" },
  Component: ConversationMessageEmail,
})

export type ConversationMessageOfficeData = {
  customer_name: string
  customer_email?: string
  conversation_title: string
  messages_text: string
  /** The conversation in the admin's Inbox. */
  admin_url: string
}

/** To the office (or the assigned staff member, and a booking's fieldworker): a customer wrote and no one has read it. */
export function ConversationMessageOfficeEmail({
  customer_name,
  customer_email,
  conversation_title,
  messages_text,
  admin_url,
  businessName,
}: ConversationMessageOfficeData & { businessName: string }) {
  return (
    <Layout businessName={businessName} preview={`Message from ${customer_name}`}>
      <Text>{`${customer_name}${customer_email ? ` (${customer_email})` : ""} wrote about ${conversation_title === "General" ? "their account" : conversation_title}:`}</Text>
      <Text style={quoteStyle}>{messages_text}</Text>
      <ActionButton href={admin_url}>Open the conversation</ActionButton>
      <FallbackLink href={admin_url} />
    </Layout>
  )
}

export const conversationMessageOffice = defineTemplate<ConversationMessageOfficeData>({
  id: "conversation-message-office",
  subject: (_businessName, data) => `Message from ${data.customer_name}: ${data.conversation_title}`,
  fields: { customer_name: "string", customer_email: "optional-string", conversation_title: "string", messages_text: "string", admin_url: "url" },
  Component: ConversationMessageOfficeEmail,
})
