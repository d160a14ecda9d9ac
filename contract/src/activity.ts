// A customer's history and emails: /admin/customers/:id/activity, /communications[/:notification_id], /messages.

export type ActivityActor = {
  type: "staff" | "customer" | "system"
  /** The staff user's id or the customer's id. */
  id: string | null
  name: string | null
  /** Staff only. */
  email: string | null
}

/** One edited field; `before` is missing when the earlier value was not recorded. */
export type ActivityChange = { field: string; label: string; before?: unknown; after: unknown }

export type AdminActivityEntry = {
  id: string
  /** e.g. "profile_updated", "address_added", "booking_placed", "email_sent" */
  kind: string
  message: string
  actor: ActivityActor
  changes: ActivityChange[]
  data: Record<string, unknown> | null
  created_at: string
}

/** GET /admin/customers/:id/activity?limit&offset&kind → newest first. */
export type AdminActivityListResponse = { activity: AdminActivityEntry[]; count: number; limit: number; offset: number }

export type AdminCommunication = {
  id: string
  to: string
  /** "Sam Okafor (Brightside Home Services)" for a staff message, else the business. */
  from: string
  template: string
  subject: string | null
  status: "sent" | "failed" | "sending"
  trigger_type: string | null
  reply_to: string | null
  created_at: string
}
/** GET /admin/customers/:id/communications?limit&offset → newest first. */
export type AdminCommunicationListResponse = { communications: AdminCommunication[]; count: number; limit: number; offset: number }
/** GET /admin/customers/:id/communications/:notification_id, and POST …/messages. */
export type AdminCommunicationResponse = {
  communication: AdminCommunication & { preview: { subject: string; html: string; text: string } | null; preview_error: string | null }
}

export type AdminSendMessage = { subject: string; body: string }
