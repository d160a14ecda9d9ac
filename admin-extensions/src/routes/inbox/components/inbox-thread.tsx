import type { ConversationMessage } from "@fieldservice/contract"
import { Badge, Text, clx } from "@medusajs/ui"
import { formatMessageTime } from "../../../lib/conversations"

const fileUrl = (conversationId: string, messageId: string, fileId: string) =>
  `/admin/conversations/${encodeURIComponent(conversationId)}/messages/${encodeURIComponent(messageId)}/files/${encodeURIComponent(fileId)}`

/**
 * The thread, oldest first: the customer's messages on the left, staff replies on the right,
 * internal notes in yellow and marked "Internal note" (the customer never sees them).
 */
export function InboxThread({ conversationId, messages }: { conversationId: string; messages: ConversationMessage[] }) {
  if (!messages.length) {
    return (
      <Text size="small" className="text-ui-fg-subtle px-6 py-4">
        No messages yet.
      </Text>
    )
  }
  return (
    <ol className="flex flex-col gap-y-3 px-6 py-4" data-testid="inbox-thread" aria-live="polite">
      {messages.map((message) => {
        const note = message.author_kind === "note"
        const customer = message.author_kind === "customer"
        return (
          <li
            key={message.id}
            className={clx("flex max-w-[85%] flex-col gap-y-1 rounded-lg border px-4 py-3", {
              "self-start bg-ui-bg-base border-ui-border-base": customer,
              "self-end bg-ui-bg-highlight border-ui-border-interactive": message.author_kind === "staff",
              "self-end border-dashed border-ui-tag-orange-border bg-ui-tag-orange-bg": note,
            })}
            data-testid={note ? "inbox-note" : "inbox-thread-message"}
            data-author={message.author_kind}
          >
            <div className="flex flex-wrap items-center gap-x-2">
              <Text size="small" weight="plus">
                {message.author_name}
              </Text>
              {note && (
                <Badge size="2xsmall" color="orange">
                  Internal note
                </Badge>
              )}
              <Text size="xsmall" className="text-ui-fg-subtle">
                {formatMessageTime(message.created_at)}
              </Text>
            </div>
            {message.deleted_at ? (
              <Text size="small" className="text-ui-fg-muted italic" data-testid="inbox-message-deleted">
                Message deleted
              </Text>
            ) : (
              <Text size="small" className="whitespace-pre-wrap break-words" data-testid="inbox-message-body">
                {message.body}
              </Text>
            )}
            {!message.deleted_at && message.attachments.length > 0 && (
              <ul className="flex flex-wrap gap-2">
                {message.attachments.map((file) => (
                  <li key={file.id}>
                    <a
                      href={fileUrl(conversationId, message.id, file.id)}
                      target="_blank"
                      rel="noreferrer"
                      className="txt-compact-small text-ui-fg-interactive underline"
                      data-testid="inbox-message-file"
                    >
                      {file.filename}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </li>
        )
      })}
    </ol>
  )
}
