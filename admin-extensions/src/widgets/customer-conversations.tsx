import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { formatMessageTime, useConversationList } from "../lib/conversations"

const SHOWN = 5

/** Customer page → "Conversations": their latest conversations with the office, each opening in the Inbox. */
const CustomerConversationsWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { data, isLoading, error } = useConversationList(new URLSearchParams({ filter: "all", customer_id: customer.id, limit: String(SHOWN) }).toString())
  const conversations = data?.conversations ?? []
  return (
    <Container className="divide-y p-0" data-testid="customer-conversations">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Conversations</Heading>
        <Link
          to={`/inbox?${new URLSearchParams({ filter: "all", customer_id: customer.id })}`}
          className="txt-compact-small text-ui-fg-interactive"
          data-testid="customer-conversations-all"
        >
          View all
        </Link>
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        {isLoading ? (
          <Text size="small" className="text-ui-fg-subtle">
            Loading conversations…
          </Text>
        ) : error ? (
          <Text size="small" className="text-ui-fg-error">
            The conversations could not be loaded: {error.message}
          </Text>
        ) : conversations.length === 0 ? (
          <Text size="small" className="text-ui-fg-subtle" data-testid="customer-conversations-empty">
            No messages yet.
          </Text>
        ) : (
          conversations.map((conversation) => (
            <Link
              key={conversation.id}
              to={`/inbox/${conversation.id}`}
              className="flex items-center justify-between gap-x-2"
              data-testid="customer-conversations-row"
            >
              <div className="flex min-w-0 flex-col">
                <Text size="small" weight="plus" className="text-ui-fg-interactive truncate">
                  {conversation.title}
                </Text>
                <Text size="xsmall" className="text-ui-fg-subtle truncate">
                  {formatMessageTime(conversation.last_message_at)} · {conversation.last_message_preview ?? ""}
                </Text>
              </div>
              {conversation.unread_count > 0 && (
                <Badge size="2xsmall" color="blue">
                  {conversation.unread_count} new
                </Badge>
              )}
            </Link>
          ))
        )}
        {data && data.count > conversations.length && (
          <Text size="xsmall" className="text-ui-fg-subtle">
            {data.count} conversations in all
          </Text>
        )}
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "customer.details.side.after" })

export default CustomerConversationsWidget
