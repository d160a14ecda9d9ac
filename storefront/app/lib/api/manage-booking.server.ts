/**
 * Managing one booking: the store API's /store/customers/me/bookings/:id… routes, or for a
 * booking-number session /store/portal/booking-session/bookings/:id… (open, cancel, reschedule).
 */

import { apiFetch, errorStatus, fileForm, portalFileUrl } from "~/lib/api/api.server"
import { failWith, problemOf } from "~/lib/api/booking.server"
import type { Problem } from "~/lib/api/api.server"
import { toCustomerBooking } from "~/lib/api/bookings.server"

import { type BookingAccess, bookingSessionOver, requireBookingAccess, requireToken } from "~/lib/session.server"
import type {
  StoreManagedBookingResponse as BookingWithChanges,
  BookingContactInput,
  StoreBookingAttachment as BookingAttachment,
  StoreBookingAttachmentResponse,
} from "@fieldservice/contract"

const path = (id: string, rest = "") => `/store/customers/me/bookings/${encodeURIComponent(id)}${rest}`

const accessPath = (access: BookingAccess, id: string, rest = "") =>
  access.viaBookingNumber ? `/store/portal/booking-session/bookings/${encodeURIComponent(id)}${rest}` : path(id, rest)

const list = <T>(value: T[] | null | undefined): T[] => (Array.isArray(value) ? value : [])

function normalise(result: BookingWithChanges): BookingWithChanges {
  const booking = result.booking
  return {
    booking: {
      ...toCustomerBooking(booking),
      map: booking.map && Number.isFinite(booking.map.latitude) && Number.isFinite(booking.map.longitude) ? booking.map : null,
      attachments: list(booking.attachments).map((attachment) => ({ ...attachment, url: portalFileUrl(attachment.url) ?? "" })),
      reschedule_count: Number(booking.reschedule_count) || 0,
    },
    changes: result.changes,
  }
}

/** One of the customer's bookings with what can still be changed, or null (not theirs, or no such booking). */
export async function getBookingWithChanges(access: BookingAccess, id: string): Promise<BookingWithChanges | null> {
  try {
    return normalise(await apiFetch<BookingWithChanges>(accessPath(access, id), { token: access.token }))
  } catch (error) {
    if (errorStatus(error) === 404) return null
    throw error
  }
}

/**
 * The booking for a page that shows or changes it: the signed-in customer's own (anyone else's is a
 * 404 page, like one that doesn't exist); visitors go to sign in and come back. Pages that a
 * booking-number session may use (the booking, cancel, reschedule) pass `bookingNumber`; the
 * others send that session to My booking, told the page needs a full account.
 */
export async function loadManagedBooking(
  request: Request,
  id: string | undefined,
  options: { bookingNumber?: boolean } = {}
): Promise<{ access: BookingAccess; data: BookingWithChanges }> {
  const access = options.bookingNumber ? await requireBookingAccess(request) : { token: await requireToken(request), viaBookingNumber: false }
  let data: BookingWithChanges | null
  try {
    data = await getBookingWithChanges(access, id ?? "")
  } catch (error) {
    if (access.viaBookingNumber && errorStatus(error) === 401) return bookingSessionOver(request)
    return failWith(request, error)
  }
  if (!data) throw new Response("Booking not found", { status: 404 })
  return { access, data }
}

/** A refused change as a Problem to show; a booking-number session that has ended asks for the number again. */
export async function changeProblem(request: Request, access: BookingAccess, error: unknown): Promise<Problem> {
  if (access.viaBookingNumber && errorStatus(error) === 401) return bookingSessionOver(request)
  return problemOf(request, error)
}

/** Throws ApiError 400 with a readable message, 409 when the visit can't be changed any more. */
export async function updateBookingDetails(
  token: string,
  id: string,
  input: { contact?: BookingContactInput; instructions?: string | null }
): Promise<BookingWithChanges> {
  return normalise(await apiFetch<BookingWithChanges>(path(id), { method: "POST", token, body: input }))
}

/** Throws ApiError 409 after the cut-off, naming the rule and the office's phone and email. */
export async function cancelBooking(access: BookingAccess, id: string, reason: string | null): Promise<BookingWithChanges> {
  return normalise(await apiFetch<BookingWithChanges>(accessPath(access, id, "/cancel"), { method: "POST", token: access.token, body: { reason } }))
}

/** Throws ApiError 409 when the window was just taken or the cut-off has passed, 400 for a time not offered. */
export async function rescheduleBooking(access: BookingAccess, id: string, startsAt: string): Promise<BookingWithChanges> {
  return normalise(
    await apiFetch<BookingWithChanges>(accessPath(access, id, "/reschedule"), { method: "POST", token: access.token, body: { starts_at: startsAt } })
  )
}

/** Throws ApiError 400 for a file that isn't a photo or PDF, 413 over 10 MB. */
export async function addBookingAttachment(token: string, id: string, file: Blob, filename: string): Promise<BookingAttachment> {
  const { attachment } = await apiFetch<StoreBookingAttachmentResponse>(path(id, "/attachments"), {
    method: "POST",
    token,
    form: fileForm(file, filename),
  })
  return { ...attachment, url: portalFileUrl(attachment.url) ?? "" }
}

export async function removeBookingAttachment(token: string, id: string, attachmentId: string): Promise<void> {
  await apiFetch(path(id, `/attachments/${encodeURIComponent(attachmentId)}`), { method: "DELETE", token })
}
