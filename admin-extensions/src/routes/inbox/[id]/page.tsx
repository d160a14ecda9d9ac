import { Container, Heading, Text } from "@medusajs/ui"
import { Link, useParams } from "react-router-dom"
import { useConversation, useInboxStream } from "../../../lib/conversations"
import { ConversationCustomer } from "../components/conversation-customer"
import { InboxThread } from "../components/inbox-thread"
import { ReplyBox } from "../components/reply-box"

/**
 * One conversation: the thread (internal notes marked) with the reply box under it, and beside it
 * the customer, what it is about and who has it. New messages appear without a reload.
 */
const ConversationPage = () => {
  const { id = "" } = useParams()
  useInboxStream()
  const { data, isLoading, error } = useConversation(id)
  if (isLoading) return <Container>Loading the conversation…</Container>
  if (error || !data) return <Container className="text-ui-fg-error">The conversation could not be loaded: {error?.message}</Container>
  const { conversation } = data
  return (
    <div className="flex flex-col gap-y-3" data-testid="inbox-conversation">
      <Link to="/inbox" className="txt-compact-small text-ui-fg-interactive">
        ← Inbox
      </Link>
      <div className="flex flex-col gap-3 xl:flex-row xl:items-start">
        <Container className="divide-y p-0 xl:flex-1">
          <div className="flex flex-col gap-y-1 px-6 py-4">
            <Heading level="h1" data-testid="inbox-conversation-title">
              {conversation.title}
            </Heading>
            <Text size="small" className="text-ui-fg-subtle">
              With {conversation.customer.name}
            </Text>
          </div>
          <InboxThread conversationId={conversation.id} messages={conversation.messages} />
          <ReplyBox conversationId={conversation.id} />
        </Container>
        <div className="xl:w-80">
          <ConversationCustomer conversation={conversation} />
        </div>
      </div>
    </div>
  )
}

export default ConversationPage
