import type { BaseBooking, BookingCard, BookingVoucher, BookingContact, BookingLocation, StoreBookingAttachment } from "@fieldservice/contract"
import type { BookingModuleService } from "../../modules/booking"
import { isoDate, isoDateOrNull } from "../../utils/json-dates"
import { privateFileUrl } from "../../utils/private-file-urls"

type ModuleBooking = Awaited<ReturnType<BookingModuleService["listBookings"]>>[number]

/** A booking as the module reads it; `attachments` is there only when the relation was asked for. */
export type BookingModuleRecord = Omit<ModuleBooking, "attachments"> & { attachments?: unknown }

type AttachmentRecord = { id: string; filename: string; mime_type: string; size_bytes: number; added_by: string; created_at: Date | string }

/**
 * The booking's JSON columns, which the module types only as objects: the address as booked with
 * the arrival window's end, the contact snapshot and the card summary (place-booking, reschedule,
 * the details change).
 */
export const bookingJson = {
  location: (value: Record<string, unknown> | null) => value as BookingLocation | null,
  contact: (value: Record<string, unknown> | null) => value as BookingContact | null,
  card: (value: Record<string, unknown> | null) => value as BookingCard | null,
  gift_voucher: (value: Record<string, unknown> | null | undefined) => (value ?? null) as BookingVoucher | null,
}

/**
 * The booking record as `res.json` wrote it: every column in its place, dates as ISO strings, the
 * attachments relation left out (callers that show files add their own list).
 */
export function presentBookingRecord(booking: BookingModuleRecord): BaseBooking {
  const { attachments: _relation, ...fields } = booking
  return {
    ...fields,
    starts_at: isoDate(fields.starts_at),
    ends_at: isoDate(fields.ends_at),
    location: bookingJson.location(fields.location),
    contact: bookingJson.contact(fields.contact),
    card: bookingJson.card(fields.card),
    gift_voucher: bookingJson.gift_voucher(fields.gift_voucher),
    completed_at: isoDateOrNull(fields.completed_at),
    completed_from: (fields.completed_from as BaseBooking["completed_from"]) ?? null,
    cancelled_at: isoDateOrNull(fields.cancelled_at),
    created_at: isoDate(fields.created_at),
    updated_at: isoDate(fields.updated_at),
    deleted_at: isoDateOrNull(fields.deleted_at),
  }
}

/** A file on the booking as the customer sees it, with its link through the store API. */
export const presentCustomerAttachment = (bookingId: string, attachment: AttachmentRecord): StoreBookingAttachment => ({
  id: attachment.id,
  url: privateFileUrl.attachment("customer", bookingId, attachment.id),
  filename: attachment.filename,
  mime_type: attachment.mime_type,
  size_bytes: attachment.size_bytes,
  added_by: attachment.added_by,
  created_at: isoDate(attachment.created_at),
})
