import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json, redirect } from "@remix-run/node"
import { Link, useActionData, useLoaderData } from "@remix-run/react"

import { MessageForm } from "~/components/messages/message-form"
import { toProblem } from "~/lib/api/api.server"
import { listConversations, startConversation } from "~/lib/api/conversations.server"
import { subjectFromSearch, subjectWords } from "~/lib/messages"
import { readPostedMessage } from "~/lib/messages.server"
import { pageTitle } from "~/lib/meta"
import { requireToken, signOutIfRefused } from "~/lib/session.server"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "New message")

/** What the address asks about, or a 404 for an unknown subject (a mistyped link). */
function subjectOf(request: Request) {
  const subject = subjectFromSearch(new URL(request.url).searchParams)
  if (!subject) throw new Response("Not found", { status: 404 })
  return subject
}

/**
 * "Message us" about a booking, quote or invoice (or in general): the conversation about it when
 * there is one already, otherwise a box for the first message.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  const subject = subjectOf(request)
  try {
    const existing = (await listConversations(token)).find(
      (conversation) => conversation.subject_type === subject.subject_type && (conversation.subject_id ?? null) === subject.subject_id
    )
    if (existing) return redirect(`/messages/${encodeURIComponent(existing.id)}`)
  } catch (error) {
    const problem = toProblem(error)
    await signOutIfRefused(request, problem)
    return json({ subject, about: subjectWords(subject.subject_type), error: problem.message }, { status: 503 })
  }
  return json({ subject, about: subjectWords(subject.subject_type), error: null as string | null })
}

export async function action({ request }: ActionFunctionArgs) {
  const token = await requireToken(request)
  const subject = subjectOf(request)
  const posted = await readPostedMessage(request)
  if (posted.problem) return json({ formError: posted.problem, body: posted.body }, { status: 400 })
  try {
    const conversation = await startConversation(token, subject, posted.body, posted.files)
    return redirect(`/messages/${encodeURIComponent(conversation.id)}#latest`)
  } catch (error) {
    const problem = toProblem(error)
    await signOutIfRefused(request, problem)
    const message = problem.status === 404 ? "We couldn't find what this message is about. Please write to us from Messages instead." : problem.message
    return json({ formError: message, body: posted.body }, { status: problem.status })
  }
}

export default function NewMessage() {
  const { about, error } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <section data-testid="message-new">
      <p>
        <Link to="/messages">All messages</Link>
      </p>
      <h1>Message us</h1>
      <p data-testid="message-new-about">About: {about}</p>
      {error ? (
        <p role="alert" className="alert">
          {error}
        </p>
      ) : null}
      <MessageForm label="Your message" submitLabel="Send message" error={result?.formError} body={result?.body} />
    </section>
  )
}
