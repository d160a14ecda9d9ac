import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json, redirect } from "@remix-run/node"
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react"

import { MessageForm } from "~/components/messages/message-form"
import { MessageThread, type ThreadMessage } from "~/components/messages/message-thread"
import { errorStatus, toProblem } from "~/lib/api/api.server"
import { businessTimeZone } from "~/lib/api/booking.server"
import { deleteMessage, getConversation, replyToConversation, unreadCount } from "~/lib/api/conversations.server"
import { formatBytes, isThumbnailImage } from "~/lib/manage-booking"
import { messageTime } from "~/lib/messages"
import { readPostedMessage } from "~/lib/messages.server"
import { pageTitle } from "~/lib/meta"
import { requireToken, signOutIfRefused } from "~/lib/session.server"

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data ? `Messages: ${data.title}` : "Messages")

const pathOf = (id: string) => `/messages/${encodeURIComponent(id)}`

/** Someone else's conversation, or one that doesn't exist, is the same "not found". */
async function notFoundOr(request: Request, error: unknown): Promise<never> {
  if (errorStatus(error) === 404) throw new Response("Not found", { status: 404 })
  await signOutIfRefused(request, toProblem(error))
  throw error
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  const id = params.id ?? ""
  const conversation = await getConversation(token, id).catch((error) => notFoundOr(request, error))
  const timeZone = businessTimeZone()
  const messages: ThreadMessage[] = conversation.messages.map((message) => ({
    id: message.id,
    mine: message.author_kind === "customer",
    author: message.author_name,
    body: message.body,
    deleted: Boolean(message.deleted_at),
    when: messageTime(message.created_at, timeZone),
    files: message.deleted_at
      ? []
      : message.attachments.map((file) => ({
          id: file.id,
          url: `${pathOf(conversation.id)}/files/${encodeURIComponent(message.id)}/${encodeURIComponent(file.id)}`,
          filename: file.filename,
          image: isThumbnailImage(file.mime_type),
          size: formatBytes(file.size_bytes),
        })),
  }))
  const confirming = new URL(request.url).searchParams.get("delete")
  return json({
    // Counted after reading marked this one read: the menu's badge takes it over the root's.
    unreadMessages: await unreadCount(token),
    id: conversation.id,
    title: conversation.title,
    subjectUrl: conversation.subject_url,
    subjectType: conversation.subject_type,
    messages,
    confirming: messages.some((message) => message.id === confirming && message.mine && !message.deleted) ? confirming : null,
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = await requireToken(request)
  const id = params.id ?? ""
  const posted = await readPostedMessage(request)
  try {
    if (posted.form?.get("intent") === "delete") {
      await deleteMessage(token, id, String(posted.form.get("message_id") ?? ""))
      return redirect(`${pathOf(id)}?done=deleted`)
    }
    if (posted.problem) return json({ formError: posted.problem, body: posted.body }, { status: 400 })
    await replyToConversation(token, id, posted.body, posted.files)
  } catch (error) {
    if (errorStatus(error) === 404) throw new Response("Not found", { status: 404 })
    const problem = toProblem(error)
    await signOutIfRefused(request, problem)
    return json({ formError: problem.message, body: posted.body }, { status: problem.status })
  }
  return redirect(`${pathOf(id)}#latest`)
}

/** One conversation: the thread, "Message deleted" in place of deleted ones, and the reply box. */
export default function Conversation() {
  const { id, title, subjectUrl, subjectType, messages, confirming } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { search } = useLocation()
  const deleted = new URLSearchParams(search).get("done") === "deleted"
  return (
    <section data-testid="conversation-page">
      <p>
        <Link to="/messages">All messages</Link>
      </p>
      <h1 data-testid="conversation-title">{title}</h1>
      {subjectUrl ? (
        <p>
          <Link to={subjectUrl} data-testid="conversation-subject">
            {`Open the ${subjectType}`}
          </Link>
        </p>
      ) : null}
      {deleted ? (
        <p className="success" role="status">
          Your message was deleted.
        </p>
      ) : null}
      <MessageThread messages={messages} confirming={confirming} path={pathOf(id)} />
      {/* A new key after each of the customer's messages empties the box; the office's replies leave it alone. */}
      <MessageForm
        key={messages.filter((message) => message.mine).length}
        label="Your reply"
        submitLabel="Send"
        error={result?.formError}
        body={result?.body}
      />
    </section>
  )
}
