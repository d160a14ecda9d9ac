import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { Link, useLoaderData } from "@remix-run/react"

import { toProblem } from "~/lib/api/api.server"
import { businessTimeZone } from "~/lib/api/booking.server"
import { listConversations } from "~/lib/api/conversations.server"
import { messageTime } from "~/lib/messages"
import { pageTitle } from "~/lib/meta"
import { requireToken, signOutIfRefused } from "~/lib/session.server"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Messages")

type Row = { id: string; title: string; preview: string; when: string; unread: number }

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  try {
    const timeZone = businessTimeZone()
    const conversations: Row[] = (await listConversations(token)).map((conversation) => ({
      id: conversation.id,
      title: conversation.title,
      preview: conversation.last_message_preview ?? "",
      when: messageTime(conversation.last_message_at, timeZone),
      unread: conversation.unread_count,
    }))
    return json({ error: null as string | null, conversations })
  } catch (error) {
    const problem = toProblem(error)
    await signOutIfRefused(request, problem)
    return json({ error: problem.message, conversations: [] as Row[] }, { status: 503 })
  }
}

/** The customer's conversations with the office, newest activity first, unread ones marked. */
export default function Messages() {
  const { error, conversations } = useLoaderData<typeof loader>()
  return (
    <section data-testid="messages">
      <div className="page-heading-row">
        <h1>Messages</h1>
        <Link to="/messages/new" className="button button--secondary" data-testid="messages-new">
          New message
        </Link>
      </div>
      {error ? (
        <p role="alert" className="alert">
          {error}
        </p>
      ) : conversations.length === 0 ? (
        <p data-testid="messages-empty">No messages yet. Write to us about anything, or use “Message us” on a booking, quote or invoice.</p>
      ) : (
        <ul className="conversation-list">
          {conversations.map((conversation) => (
            <li key={conversation.id} className={`conversation${conversation.unread ? " conversation--unread" : ""}`} data-testid="conversation">
              <Link to={`/messages/${encodeURIComponent(conversation.id)}`} className="conversation__link" data-testid="conversation-link">
                <span className="conversation__title">
                  {conversation.title}
                  {conversation.unread ? (
                    <span className="nav-badge" data-testid="conversation-unread">
                      {conversation.unread}
                      <span className="visually-hidden"> unread</span>
                    </span>
                  ) : null}
                </span>
                <span className="conversation__preview">{conversation.preview}</span>
              </Link>
              <span className="muted conversation__when">{conversation.when}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
