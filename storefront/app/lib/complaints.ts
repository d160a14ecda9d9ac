/** How complaints are shown in the portal. Shared by server and browser. */
import { COMPLAINT_CATEGORIES, COMPLAINT_CATEGORY_LABELS, COMPLAINT_STATUS_LABELS, type ComplaintCategory, type ComplaintStatus } from "@fieldservice/contract"

export const categoryText = (category: string) => COMPLAINT_CATEGORY_LABELS[category as ComplaintCategory] ?? category
export const complaintStatusText = (status: string) => COMPLAINT_STATUS_LABELS[status as ComplaintStatus] ?? status

export const CATEGORY_OPTIONS = [
  { value: "", label: "Choose one" },
  ...COMPLAINT_CATEGORIES.map((value) => ({ value, label: COMPLAINT_CATEGORY_LABELS[value] })),
]

/** Whether the visit has taken place (started, done, or its time has passed): only those can be reported. */
export function isPastVisit(booking: { status: string; starts_at: string }, now = new Date()): boolean {
  if (booking.status === "in_progress" || booking.status === "completed") return true
  return new Date(booking.starts_at).getTime() <= now.getTime()
}

/** "Message us" about a complaint: the Messages pages start or open its conversation. */
export const complaintMessageUrl = (id: string) => `/messages/new?about=complaint&id=${encodeURIComponent(id)}`
