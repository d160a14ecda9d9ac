import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChatBubbleLeftRight } from "@medusajs/icons"
import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import { OffsetPagination, TableMessageRow } from "../../components/table-parts"
import { inboxFilterQuery, useConversationList, useInboxStream, useInboxUnread } from "../../lib/conversations"
import { useListAddress } from "../../lib/list-address"
import { ConversationRow } from "./components/conversation-row"
import { InboxFilters } from "./components/inbox-filters"

const PAGE_SIZE = 20

/**
 * Customers' messages (issue #21): Unassigned, Mine or All, newest activity first; new messages
 * come in without a reload (the admin stream).
 */
const InboxPage = () => {
  const navigate = useNavigate()
  useInboxStream()
  const { offset, filters, update, query } = useListAddress({
    parseOrder: () => "-last_message_at",
    filterQuery: inboxFilterQuery,
    pageSize: PAGE_SIZE,
  })
  const apiQuery = new URLSearchParams(query)
  // Always newest activity first: the list API takes no order.
  apiQuery.delete("order")
  const { data, isLoading, isFetching, error } = useConversationList(apiQuery.toString())
  const unread = useInboxUnread().data?.unread_count ?? 0
  const conversations = data?.conversations ?? []
  const count = data?.count ?? 0
  const customerName = filters.get("customer_id") ? (conversations[0]?.customer.name ?? null) : null

  const message = isLoading
    ? "Loading conversations…"
    : error
      ? `The conversations could not be loaded: ${error.message}`
      : conversations.length === 0
        ? "No conversations here. Customers write from the portal's Messages, or from a booking, quote or invoice."
        : null

  return (
    <Container className="divide-y p-0" data-testid="inbox-page">
      <div className="flex flex-wrap items-start justify-between gap-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <div className="flex items-center gap-x-2">
            <Heading level="h1">Inbox</Heading>
            {unread > 0 && (
              <Badge size="2xsmall" color="blue" data-testid="inbox-unread-count">
                {unread} unread
              </Badge>
            )}
          </div>
          <Text size="small" className="text-ui-fg-subtle">
            Messages from customers in the portal, about their bookings, quotes and invoices or anything else.
          </Text>
        </div>
      </div>
      <InboxFilters filters={filters} update={update} customerName={customerName} />
      <div className="flex items-center justify-between px-6 py-3">
        <Text size="small" weight="plus" data-testid="inbox-count" aria-live="polite">
          {data ? `${count.toLocaleString()} ${count === 1 ? "conversation" : "conversations"}` : "\u00a0"}
        </Text>
        {isFetching && !isLoading && (
          <Text size="xsmall" className="text-ui-fg-muted">
            Updating…
          </Text>
        )}
      </div>
      <div className="relative overflow-x-auto">
        <Table data-testid="inbox-table" aria-busy={isFetching}>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Customer</Table.HeaderCell>
              <Table.HeaderCell>About</Table.HeaderCell>
              <Table.HeaderCell>Last message</Table.HeaderCell>
              <Table.HeaderCell>When</Table.HeaderCell>
              <Table.HeaderCell>Assigned to</Table.HeaderCell>
              <Table.HeaderCell className="w-px">
                <span className="sr-only">Unread</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {message ? (
              <TableMessageRow colSpan={6} message={message} isError={!!error} testId="inbox-message" />
            ) : (
              conversations.map((conversation) => (
                <ConversationRow key={conversation.id} conversation={conversation} onOpen={() => navigate(`/inbox/${conversation.id}`)} />
              ))
            )}
          </Table.Body>
        </Table>
      </div>
      <OffsetPagination
        count={count}
        offset={offset}
        pageSize={PAGE_SIZE}
        onOffset={(next) => update({ offset: String(next) }, { keepPage: true })}
        testId="inbox-pagination"
      />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Inbox", icon: ChatBubbleLeftRight })

export default InboxPage
