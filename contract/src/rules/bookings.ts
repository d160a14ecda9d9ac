/** "24 hours", "1 hour". */
export const hoursText = (hours: number) => `${hours} hour${hours === 1 ? "" : "s"}`

/** "24 hours before the arrival window", "the start of the arrival window". */
export function cutoffMoment(hours: number): string {
  return hours > 0 ? `${hoursText(hours)} before the arrival window` : "the start of the arrival window"
}

/** "until 24 hours before the arrival window": how long a booking can be changed online, in the API's refusals and the portal's pages. */
export function cutoffText(hours: number): string {
  return `until ${cutoffMoment(hours)}`
}

/** "call us on 0117 496 0000 or email office@example.com", or whichever of them is known. */
export function officeContact(office: { office_phone?: string | null; office_email?: string | null }): string {
  const ways = [office.office_phone ? `call us on ${office.office_phone}` : null, office.office_email ? `email ${office.office_email}` : null].filter(Boolean)
  return ways.length ? ways.join(" or ") : "contact us"
}

/** How long staff can undo "Mark completed" (a slip of the finger); after that the visit stays completed. */
export const COMPLETION_UNDO_MINUTES = 10

/** Codes on the admin's 409 answers about completing a visit and about whom a booking belongs to. */
export const BOOKING_CONFLICT_CODES = {
  /** Completing before the arrival window starts: staff confirm an early finish (`early_finish: true`). */
  notStarted: "visit_not_started",
  /** The undo came after COMPLETION_UNDO_MINUTES. */
  undoExpired: "completion_undo_expired",
  notCompleted: "booking_not_completed",
  /** Undoing a completion whose invoice has money recorded on it. */
  invoicePaid: "booking_invoice_paid",
  /** Linking a booking that already belongs to a customer. */
  alreadyLinked: "booking_has_customer",
} as const
