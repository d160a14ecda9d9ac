import type {
  ConversationSubjectType,
  ConversationSummary,
  StoreConversationListResponse,
  StoreConversationResponse,
  StoreConversationUnreadResponse,
  StoreMessageDeleteResponse,
} from "@fieldservice/contract"

import { apiDownload, apiEventStream, apiFetch, asList } from "~/lib/api/api.server"

// The customer's conversations with the office (issue #21): /store/customers/me/conversations.
const BASE = "/store/customers/me/conversations"
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`

export type PortalConversation = StoreConversationResponse["conversation"]

/** Newest activity first; the portal shows up to 100 (a customer rarely has more than a handful). */
export async function listConversations(token: string): Promise<ConversationSummary[]> {
  const { conversations } = await apiFetch<StoreConversationListResponse>(BASE, { token, query: { limit: "100" } })
  return asList(conversations)
}

/** The thread (reading it marks it read). Throws ApiError 404 when it isn't the customer's. */
export async function getConversation(token: string, id: string): Promise<PortalConversation> {
  return (await apiFetch<StoreConversationResponse>(one(id), { token })).conversation
}

/** The menu's badge: 0 when the count can't be had, so no page fails for it. */
export async function unreadCount(token: string): Promise<number> {
  try {
    const { unread_count } = await apiFetch<StoreConversationUnreadResponse>(`${BASE}/unread`, { token })
    return typeof unread_count === "number" ? unread_count : 0
  } catch {
    return 0
  }
}

/** The message's text and files as the API takes them: multipart, files under `files`. */
function messageForm(fields: Record<string, string>, files: File[]): FormData {
  const form = new FormData()
  for (const [key, value] of Object.entries(fields)) form.append(key, value)
  for (const file of files) form.append("files", file, file.name || "upload")
  return form
}

/** Finds or opens the conversation about that subject and adds the message; the conversation. */
export async function startConversation(
  token: string,
  subject: { subject_type: ConversationSubjectType; subject_id: string | null },
  body: string,
  files: File[]
): Promise<PortalConversation> {
  const fields: Record<string, string> = { subject_type: subject.subject_type, body }
  if (subject.subject_id) fields.subject_id = subject.subject_id
  return (await apiFetch<StoreConversationResponse>(BASE, { token, form: messageForm(fields, files) })).conversation
}

export async function replyToConversation(token: string, id: string, body: string, files: File[]): Promise<PortalConversation> {
  return (await apiFetch<StoreConversationResponse>(`${one(id)}/messages`, { token, form: messageForm({ body }, files) })).conversation
}

/** The customer's own message only; it stays in the thread as "Message deleted". */
export function deleteMessage(token: string, id: string, messageId: string): Promise<StoreMessageDeleteResponse> {
  return apiFetch<StoreMessageDeleteResponse>(`${one(id)}/messages/${encodeURIComponent(messageId)}`, { token, method: "DELETE" })
}

/** A photo or PDF on a message, streamed as the API sends it. */
export function downloadMessageFile(token: string, id: string, messageId: string, attachmentId: string): Promise<Response> {
  return apiDownload(`${one(id)}/messages/${encodeURIComponent(messageId)}/files/${encodeURIComponent(attachmentId)}`, token, {})
}

/** The API's server-sent events for the customer (`event: message`), open while the browser listens. */
export function conversationEvents(token: string, signal: AbortSignal): Promise<Response> {
  return apiEventStream(`${BASE}/stream`, token, signal)
}
