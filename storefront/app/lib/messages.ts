import { BUSINESS_LOCALE, CONVERSATION_SUBJECT_TYPES, type ConversationSubjectType, MESSAGE_MAX_FILES, MESSAGE_MAX_LENGTH } from "@fieldservice/contract"

// The portal's Messages (issue #21): wording and small rules the pages share.

export const MESSAGE_HINT = `Up to ${MESSAGE_MAX_LENGTH.toLocaleString(BUSINESS_LOCALE)} characters.`
export const FILES_HINT = `Photos (JPEG, PNG, WebP or HEIC) or PDFs, up to ${MESSAGE_MAX_FILES} files of 10 MB each.`

/** "about=booking&id=…" from the address: what a new message is about; general without one. */
export function subjectFromSearch(params: URLSearchParams): { subject_type: ConversationSubjectType; subject_id: string | null } | null {
  const about = params.get("about")?.trim() || "general"
  if (!(CONVERSATION_SUBJECT_TYPES as readonly string[]).includes(about)) return null
  const type = about as ConversationSubjectType
  if (type === "general") return { subject_type: "general", subject_id: null }
  const id = params.get("id")?.trim()
  return id ? { subject_type: type, subject_id: id } : null
}

/** The page that starts or opens the conversation about something ("Message us" links). */
export function messageUsPath(subjectType: ConversationSubjectType, subjectId?: string | null): string {
  if (subjectType === "general" || !subjectId) return "/messages/new"
  return `/messages/new?${new URLSearchParams({ about: subjectType, id: subjectId })}`
}

const SUBJECT_WORDS: Record<ConversationSubjectType, string> = {
  general: "A general question",
  booking: "Your booking",
  quote: "Your quote",
  invoice: "Your invoice",
  complaint: "Your complaint",
}

export const subjectWords = (type: ConversationSubjectType) => SUBJECT_WORDS[type]

/** When a message was written, in the business's clock: "8 Dec 2026, 14:05". */
export function messageTime(iso: string | null, timeZone: string): string {
  if (!iso) return ""
  return new Intl.DateTimeFormat(BUSINESS_LOCALE, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso))
}

/** The message's text is required; the API checks the same after trimming. */
export function messageBodyProblem(body: string): string | null {
  if (!body) return "Write your message."
  if (body.length > MESSAGE_MAX_LENGTH) return `Please keep your message to ${MESSAGE_MAX_LENGTH.toLocaleString(BUSINESS_LOCALE)} characters.`
  return null
}
