import type { AdminConversationSummary } from "@fieldservice/contract"
import { Badge, Table, Text } from "@medusajs/ui"
import { formatMessageTime } from "../../../lib/conversations"

/** One conversation in the Inbox: who, what about, the last message, who has it; the row opens it. */
export function ConversationRow({ conversation, onOpen }: { conversation: AdminConversationSummary; onOpen: () => void }) {
  const unread = conversation.unread_count > 0
  return (
    <Table.Row className="cursor-pointer" onClick={onOpen} data-testid="inbox-row" data-conversation-id={conversation.id}>
      <Table.Cell className="max-w-[200px]">
        <a
          href={`/app/inbox/${conversation.id}`}
          className={`txt-compact-small text-ui-fg-interactive block truncate ${unread ? "font-semibold" : ""}`}
          // The row opens it; the link is for the keyboard and a new tab.
          onClick={(event) => {
            event.stopPropagation()
            if (!event.metaKey && !event.ctrlKey) {
              event.preventDefault()
              onOpen()
            }
          }}
          data-testid="inbox-row-customer"
        >
          {conversation.customer.name}
        </a>
      </Table.Cell>
      <Table.Cell className="max-w-[260px] truncate" data-testid="inbox-row-title">
        {conversation.title}
      </Table.Cell>
      <Table.Cell className="max-w-[320px]">
        <Text size="small" className={`truncate ${unread ? "text-ui-fg-base font-medium" : "text-ui-fg-subtle"}`} data-testid="inbox-row-preview">
          {conversation.last_message_preview ?? "—"}
        </Text>
      </Table.Cell>
      <Table.Cell className="whitespace-nowrap">{formatMessageTime(conversation.last_message_at)}</Table.Cell>
      <Table.Cell className="whitespace-nowrap">{conversation.assigned_to?.name ?? "Unassigned"}</Table.Cell>
      <Table.Cell className="text-right">
        {unread ? (
          <Badge size="2xsmall" color="blue" className="whitespace-nowrap" data-testid="inbox-row-unread">
            {conversation.unread_count} new
          </Badge>
        ) : null}
      </Table.Cell>
    </Table.Row>
  )
}
