import { COMPLAINT_CATEGORY_LABELS, COMPLAINT_STATUS_LABELS, type ComplaintCategory, type ComplaintStatus } from "@fieldservice/contract"
import type { CreateNotificationDTO } from "@medusajs/framework/types"
import type { ActivityActor } from "../customer-profile/activity"
import type { ActivityEntry } from "../customer-profile/steps/record-activity"

type Named = { id: string; number: string; customer_id: string }

/** One line in the customer's history about a complaint, naming it. */
export const complaintActivity = (
  complaint: Named,
  kind: "complaint_opened" | "complaint_status_changed" | "complaint_assigned" | "complaint_file_added",
  message: string,
  actor: ActivityActor | null | undefined,
  data: Record<string, unknown> = {}
): ActivityEntry[] => [
  { customer_id: complaint.customer_id, kind, message, data: { complaint_id: complaint.id, number: complaint.number, ...data }, actor: actor ?? null },
]

export const openedMessage = (number: string, category: ComplaintCategory, bookingNumber: string | null, source: string) => {
  const about = bookingNumber ? ` about visit ${bookingNumber}` : ""
  const how = source === "rating" ? " from a low rating" : source === "staff" ? " by staff" : ""
  return `Complaint ${number} opened${how}${about}: ${COMPLAINT_CATEGORY_LABELS[category]}`
}

/** What the customer is told when their complaint moves on, in the feed and the email. */
export function statusSummary(number: string, to: ComplaintStatus): string {
  switch (to) {
    case "in_progress":
      return `We are looking into your complaint ${number}.`
    case "resolved":
      return `Your complaint ${number} is resolved. Here is what we did:`
    case "closed":
      return `Your complaint ${number} is closed. Thank you for telling us.`
    default:
      return `Your complaint ${number} is open again; we will be in touch.`
  }
}

/**
 * The customer's portal notice and email about the new status, sent once the workflow has
 * finished (sendAfterCommitStep), so a failing email never undoes the change.
 */
export function statusNotifications(input: {
  complaint: Named & { resolution_note: string | null }
  to: ComplaintStatus
  customer: { id: string; email: string; first_name: string | null }
  url: string
}): CreateNotificationDTO[] {
  const { complaint, to, customer, url } = input
  const label = COMPLAINT_STATUS_LABELS[to]
  const summary = statusSummary(complaint.number, to)
  const note = to === "resolved" || to === "closed" ? (complaint.resolution_note ?? undefined) : undefined
  const common = { receiver_id: customer.id, resource_id: complaint.id, resource_type: "complaint", trigger_type: "complaint.status_changed" }
  return [
    {
      ...common,
      to: customer.id,
      channel: "feed",
      template: `complaint-${to.replace("_", "-")}`,
      data: { title: `Complaint ${complaint.number}: ${label}`, message: note ? `${summary} ${note}` : summary, url: `/complaints/${complaint.id}` },
    },
    {
      ...common,
      to: customer.email,
      channel: "email",
      template: "complaint-status-changed",
      data: {
        first_name: customer.first_name ?? undefined,
        complaint_number: complaint.number,
        status_label: label,
        summary,
        resolution_note: note,
        complaint_url: url,
      },
    },
  ]
}
