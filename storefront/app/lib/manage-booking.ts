/** How a booking's overview, files, card and change rules are shown. Shared by server and browser. */

import { formatLongDay, formatTime } from "~/lib/services"
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from "@fieldservice/contract"

/** The file input's `accept`; .heic is named too, as some browsers don't know its type. */
export const ATTACHMENT_ACCEPT = [...ATTACHMENT_TYPES, ".heic", ".heif"].join(",")
export const ATTACHMENT_HINT = "A photo (JPEG, PNG, WebP or HEIC) or a PDF, up to 10 MB."
export const ATTACHMENT_TOO_LARGE = "That file is larger than 10 MB. Choose a smaller file, or a smaller photo."

const CARD_BRANDS: Record<string, string> = {
  visa: "Visa",
  mastercard: "Mastercard",
  amex: "American Express",
  american_express: "American Express",
  discover: "Discover",
  diners: "Diners Club",
  jcb: "JCB",
  unionpay: "UnionPay",
  maestro: "Maestro",
}

/** "Visa •••• 4242"; null without the last four digits. */
export function describeCard(card: { brand?: string | null; last4?: string | null } | null | undefined): string | null {
  if (!card?.last4 || !/^\d{4}$/.test(card.last4)) return null
  const key = (card.brand ?? "").toLowerCase().replace(/[\s-]+/g, "_")
  const brand = CARD_BRANDS[key] ?? (card.brand ? card.brand.charAt(0).toUpperCase() + card.brand.slice(1) : "Card")
  return `${brand} •••• ${card.last4}`
}

/** "Tuesday 24 November 2026 at 10:00" in the business's time zone. */
export function formatMoment(iso: string, timeZone: string): string {
  const date = new Date(iso)
  return `${formatLongDay(date, timeZone)} at ${formatTime(date, timeZone)}`
}

/** "1.2 MB", "340 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
  return `${Math.max(1, Math.round(bytes / 1024))} KB`
}

/** Photos a browser can show as a thumbnail (HEIC mostly can't, so it is a link). */
export function isThumbnailImage(mimeType: string): boolean {
  return ["image/jpeg", "image/png", "image/webp"].includes(mimeType)
}

/** What a page can say before the file is sent (the backend checks the content itself). */
export function attachmentProblem(file: File): string | null {
  if (file.size === 0) return "That file is empty. Choose a photo or a PDF."
  if (file.size > MAX_ATTACHMENT_BYTES) return ATTACHMENT_TOO_LARGE
  return null
}

/** The confirmations shown once after a change (`?done=…`). */
export const DONE_MESSAGES: Record<string, string> = {
  contact: "The contact details for this visit were saved.",
  notes: "Your notes for our team were saved.",
  "file-added": "Your file was added to the booking.",
  "file-removed": "The file was removed.",
  rescheduled: "Your visit has moved to the new time. We've emailed you the details.",
  cancelled: "Your booking is cancelled. We've emailed you a confirmation.",
}
