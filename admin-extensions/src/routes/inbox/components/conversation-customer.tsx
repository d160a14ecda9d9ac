import type { AdminConversationSummary } from "@fieldservice/contract"
import { Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { SUBJECT_LABELS } from "../../../lib/conversations"
import { AssignConversation } from "./assign-conversation"

/** The admin page of what it is about: an admin path ("/app/bookings/…" or "/bookings/…") or a full address. */
function SubjectLink({ conversation }: { conversation: AdminConversationSummary }) {
  const url = conversation.subject_url
  if (!url) return <Text size="small">{conversation.title}</Text>
  const label = `Open ${SUBJECT_LABELS[conversation.subject_type].toLowerCase()}`
  if (/^https?:/.test(url))
    return (
      <a href={url} className="txt-compact-small text-ui-fg-interactive" data-testid="inbox-subject-link">
        {label}
      </a>
    )
  return (
    <Link to={url.replace(/^\/app(?=\/)/, "")} className="txt-compact-small text-ui-fg-interactive" data-testid="inbox-subject-link">
      {label}
    </Link>
  )
}

/** Beside the thread: the customer, what the conversation is about, and who has it. */
export function ConversationCustomer({ conversation }: { conversation: AdminConversationSummary }) {
  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4" data-testid="inbox-customer">
      <div className="flex flex-col gap-y-1">
        <Heading level="h2">Customer</Heading>
        <Link to={`/customers/${conversation.customer.id}`} className="txt-compact-small-plus text-ui-fg-interactive" data-testid="inbox-customer-link">
          {conversation.customer.name}
        </Link>
        {conversation.customer.email && (
          <Text size="small" className="text-ui-fg-subtle break-all">
            {conversation.customer.email}
          </Text>
        )}
      </div>
      <div className="flex flex-col gap-y-1">
        <Text size="xsmall" weight="plus" className="text-ui-fg-subtle">
          About
        </Text>
        <Text size="small" data-testid="inbox-subject-title">
          {conversation.title}
        </Text>
        {conversation.subject_type !== "general" && <SubjectLink conversation={conversation} />}
      </div>
      <AssignConversation conversation={conversation} />
    </Container>
  )
}
