/**
 * What a customer may still change about a booking, and why not. One place for the rules, so the
 * API refuses exactly what the portal says it will.
 */
import { cutoffText, officeContact } from "@fieldservice/contract"

/** The business's rules (Settings → Customer portal) and how to reach the office. */
export type ChangePolicy = {
  cancellation_cutoff_hours: number
  reschedule_cutoff_hours: number
  /** The fee and refund rules in the business's words. */
  cancellation_policy: string
  office_phone: string | null
  office_email: string | null
}

export type BookingState = { status: string; starts_at: Date | string }

export type ChangeRules = {
  /** Contact details and job notes: until the visit starts. */
  can_edit: boolean
  /** Photos and documents: any booking that was not cancelled. */
  can_add_attachments: boolean
  can_cancel: boolean
  can_reschedule: boolean
  /** The last moment to cancel / reschedule in the portal (ISO), null for a cancelled or past booking. */
  cancel_until: string | null
  reschedule_until: string | null
  /** Why not, in words a customer understands; null when allowed. */
  edit_refusal: string | null
  cancel_refusal: string | null
  reschedule_refusal: string | null
}

const HOUR = 60 * 60 * 1000

export function changeRules(booking: BookingState, policy: ChangePolicy, now: Date = new Date()): ChangeRules {
  const startsAt = new Date(booking.starts_at).getTime()
  const cancelled = booking.status === "cancelled"
  const started = !cancelled && (startsAt <= now.getTime() || !["requested", "confirmed"].includes(booking.status))
  const contact = officeContact(policy)

  const closed = cancelled
    ? "This booking was cancelled, so it can't be changed. Book again to arrange another visit."
    : started
      ? `This visit has already started or taken place, so it can't be changed here. To change anything, please ${contact}.`
      : null

  const deadline = (hours: number) => new Date(startsAt - hours * HOUR)
  const cancelUntil = deadline(policy.cancellation_cutoff_hours)
  const rescheduleUntil = deadline(policy.reschedule_cutoff_hours)
  const late = (what: "cancelled" | "rescheduled", hours: number, verb: string) =>
    `Bookings can be ${what} online ${cutoffText(hours)}, and that time has passed for this visit. To ${verb} it, please ${contact}.`

  const cancelRefusal = closed ?? (now.getTime() >= cancelUntil.getTime() ? late("cancelled", policy.cancellation_cutoff_hours, "cancel") : null)
  const rescheduleRefusal = closed ?? (now.getTime() >= rescheduleUntil.getTime() ? late("rescheduled", policy.reschedule_cutoff_hours, "move") : null)

  return {
    can_edit: !closed,
    can_add_attachments: !cancelled,
    can_cancel: !cancelRefusal,
    can_reschedule: !rescheduleRefusal,
    cancel_until: closed ? null : cancelUntil.toISOString(),
    reschedule_until: closed ? null : rescheduleUntil.toISOString(),
    edit_refusal: closed,
    cancel_refusal: cancelRefusal,
    reschedule_refusal: rescheduleRefusal,
  }
}
