// The Inbox (issue #21): /admin/conversations (list, one, reply, assign) and its live stream.

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect } from "react"
import type {
  AdminConversationFilter,
  AdminConversationListResponse,
  AdminConversationResponse,
  AdminConversationUnreadResponse,
  ConversationSubjectType,
} from "@fieldservice/contract"
import { adminFetch, sdk } from "./sdk"

export const conversationQueryKeys = {
  all: ["admin-conversations"] as const,
  list: (query: string) => ["admin-conversations", "list", query] as const,
  detail: (id: string) => ["admin-conversations", "detail", id] as const,
  unread: ["admin-conversations", "unread"] as const,
}

export const INBOX_FILTERS: { value: AdminConversationFilter; label: string }[] = [
  { value: "unassigned", label: "Unassigned" },
  { value: "mine", label: "Mine" },
  { value: "all", label: "All" },
]

export const SUBJECT_LABELS: Record<ConversationSubjectType, string> = {
  general: "General",
  booking: "Booking",
  quote: "Quote",
  invoice: "Invoice",
  complaint: "Complaint",
}

/** The filters the list understands, as the address holds them; the Inbox opens on Unassigned. */
export function inboxFilterQuery(params: URLSearchParams): URLSearchParams {
  const filters = new URLSearchParams()
  const filter = params.get("filter")
  filters.set("filter", INBOX_FILTERS.some((option) => option.value === filter) ? (filter as string) : "unassigned")
  if (params.get("unread") === "true") filters.set("unread", "true")
  for (const key of ["customer_id", "q"]) {
    const value = params.get(key)?.trim()
    if (value) filters.set(key, value)
  }
  return filters
}

export function useConversationList(query: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: conversationQueryKeys.list(query),
    queryFn: () => adminFetch<AdminConversationListResponse>(`/admin/conversations?${query}`),
    placeholderData: (previous) => previous,
    enabled: options.enabled ?? true,
  })
}

/** Opening it marks it read for staff, so the unread count and the lists are fetched again. */
export function useConversation(id: string) {
  const queryClient = useQueryClient()
  return useQuery({
    queryKey: conversationQueryKeys.detail(id),
    queryFn: async () => {
      const response = await adminFetch<AdminConversationResponse>(`/admin/conversations/${encodeURIComponent(id)}`)
      void queryClient.invalidateQueries({ queryKey: conversationQueryKeys.unread })
      return response
    },
  })
}

export function useInboxUnread() {
  return useQuery({
    queryKey: conversationQueryKeys.unread,
    queryFn: () => adminFetch<AdminConversationUnreadResponse>("/admin/conversations/unread"),
  })
}

/** After a change: this conversation from the answer, and the lists fetched again. */
function useSaved(id: string) {
  const queryClient = useQueryClient()
  return (response: AdminConversationResponse) => {
    queryClient.setQueryData(conversationQueryKeys.detail(id), response)
    void queryClient.invalidateQueries({ queryKey: ["admin-conversations", "list"] })
  }
}

export type ReplyInput = { body: string; internal: boolean; files: File[] }

/** A reply or an internal note, with photos or PDFs: multipart, files under `files`. */
export function useSendMessage(id: string) {
  const saved = useSaved(id)
  return useMutation({
    mutationFn: ({ body, internal, files }: ReplyInput) => {
      const path = `/admin/conversations/${encodeURIComponent(id)}/messages`
      if (!files.length) return adminFetch<AdminConversationResponse>(path, { body: { body, internal } })
      const form = new FormData()
      form.append("body", body)
      form.append("internal", String(internal))
      for (const file of files) form.append("files", file, file.name)
      // The browser sets the multipart boundary itself.
      return sdk.client.fetch<AdminConversationResponse>(path, { method: "POST", headers: { "content-type": null }, body: form })
    },
    onSuccess: saved,
  })
}

export function useAssignConversation(id: string) {
  const saved = useSaved(id)
  return useMutation({
    mutationFn: (userId: string | null) =>
      adminFetch<AdminConversationResponse>(`/admin/conversations/${encodeURIComponent(id)}/assign`, { body: { user_id: userId } }),
    onSuccess: saved,
  })
}

export type StaffMember = { id: string; name: string; email: string }

type UserRow = { id: string; email: string; first_name: string | null; last_name: string | null }

const staffName = (user: UserRow) => [user.first_name, user.last_name].filter(Boolean).join(" ") || user.email

/** Who a conversation can be given to: Medusa's users, and who is signed in ("Assign to me", "Mine"). */
export function useStaff() {
  const users = useQuery({
    queryKey: ["admin-conversations-staff"],
    queryFn: () => adminFetch<{ users: UserRow[] }>("/admin/users?limit=200&fields=id,email,first_name,last_name"),
    staleTime: 5 * 60_000,
  })
  const me = useQuery({
    queryKey: ["admin-conversations-me"],
    queryFn: () => adminFetch<{ user: UserRow }>("/admin/users/me?fields=id,email,first_name,last_name"),
    staleTime: 5 * 60_000,
  })
  const staff: StaffMember[] = (users.data?.users ?? []).map((user) => ({ id: user.id, name: staffName(user), email: user.email }))
  return { staff, me: me.data?.user ? { id: me.data.user.id, name: staffName(me.data.user) } : null, isLoading: users.isLoading }
}

/**
 * Live updates while an Inbox page is open: the admin API's server-sent events (signed in by the
 * session cookie, same origin) fetch the conversations again when a message comes in.
 */
export function useInboxStream() {
  const queryClient = useQueryClient()
  useEffect(() => {
    const refresh = () => void queryClient.invalidateQueries({ queryKey: conversationQueryKeys.all })
    let poll: ReturnType<typeof setInterval> | null = null
    // No stream (refused, or closed for good): fetch again every 30 s instead.
    const fallBack = () => {
      if (!poll) poll = setInterval(refresh, 30_000)
    }
    const source = typeof EventSource === "undefined" ? null : new EventSource("/admin/conversations/stream", { withCredentials: true })
    if (source) {
      source.addEventListener("message", refresh)
      source.addEventListener("error", () => source.readyState === EventSource.CLOSED && fallBack())
    } else fallBack()
    return () => {
      source?.close()
      if (poll) clearInterval(poll)
    }
  }, [queryClient])
}

/** "8 Dec 2026, 14:05" in the browser's clock. */
export const formatMessageTime = (iso: string | null) => (iso ? new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : "—")
