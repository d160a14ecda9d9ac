/** The booking flow's steps and answers. Shared by server and browser. */

import type { RepeatChoice } from "@fieldservice/contract"
import type { AddressValues } from "~/lib/addresses"

export const BOOKING_STEPS = ["option", "time", "location", "contact", "instructions", "payment", "review"] as const
export type BookingStep = (typeof BOOKING_STEPS)[number]

export const STEP_LABELS: Record<BookingStep, string> = {
  option: "Option",
  time: "Time",
  location: "Location",
  contact: "Contact details",
  instructions: "Instructions",
  payment: "Payment",
  review: "Review and confirm",
}

/** Where each step lives: /book/<handle>, /book/<handle>/time… */
export function stepPath(handle: string, step: BookingStep): string {
  const base = `/book/${encodeURIComponent(handle)}`
  return step === "option" ? base : `${base}/${step}`
}

export type DraftLocation = { kind: "saved"; address_id: string } | { kind: "new"; label: string; address: AddressValues }

export type DraftContact = {
  /** "personal" or a business profile's id. */
  booking_for: string
  name: string
  email: string
  phone: string
  additional_contact_id: string | null
  dependent_ids: string[]
}

/** How the visit is paid: one of the customer's saved cards, or on the day; a gift voucher's code pays first. */
export type DraftPayment = ({ method: "card"; card_id: string } | { method: "on_the_day" }) & {
  gift_voucher_code?: string | null
  /** Store credit (referral rewards) pays after the voucher. */
  use_store_credit?: boolean
}

/** The answers so far, kept in their own cookie between the steps. */
export type BookingDraft = {
  /** The account email of the customer who started it: nobody else sees it. */
  owner: string
  handle: string
  service_id: string
  variant_id?: string
  starts_at?: string
  location?: DraftLocation
  contact?: DraftContact
  /** "" once the instructions step has been passed without any. */
  instructions?: string
  payment?: DraftPayment
  /**
   * Placed, and held while the customer's bank wants them to confirm the card payment (3-D Secure):
   * the review step shows the bank's check instead of Confirm. `again` once the check was shown and is still waiting.
   */
  held?: { booking_id: string; client_secret: string; again?: boolean }
  /** "How often?" on the time step: repeat visits, or null/absent for just once. */
  repeat?: RepeatChoice | null
}

/** The first step without an answer (the review once every step has one). */
export function firstMissingStep(draft: BookingDraft): BookingStep {
  if (!draft.variant_id) return "option"
  if (!draft.starts_at) return "time"
  if (!draft.location) return "location"
  if (!draft.contact) return "contact"
  if (draft.instructions === undefined) return "instructions"
  if (!draft.payment) return "payment"
  return "review"
}

/** After answering `step`: the next step still without an answer, or the review. */
export function nextStep(draft: BookingDraft, step: BookingStep): BookingStep {
  const index = BOOKING_STEPS.indexOf(step)
  const missing = firstMissingStep(draft)
  const missingIndex = BOOKING_STEPS.indexOf(missing)
  return missingIndex > index ? missing : "review"
}

/** The longest instructions the portal keeps between steps (the API takes up to 2,000). */
export const MAX_INSTRUCTIONS = 1000
