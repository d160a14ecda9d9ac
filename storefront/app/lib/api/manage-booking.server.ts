/** Managing one booking: the store API's /store/customers/me/bookings/:id… routes. */

import { apiFetch, errorStatus, fileForm, portalFileUrl } from "~/lib/api/api.server"
import { failWith } from "~/lib/api/booking.server"
import { toCustomerBooking } from "~/lib/api/bookings.server"

import { requireToken } from "~/lib/session.server"
import type {
  StoreManagedBookingResponse as BookingWithChanges,
  BookingContactInput,
  StoreBookingAttachment as BookingAttachment,
  StoreBookingAttachmentResponse,
} from "@fieldservice/contract"

const path = (id: string, rest = "") => `/store/customers/me/bookings/${encodeURIComponent(id)}${rest}`

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
export async function getBookingWithChanges(token: string, id: string): Promise<BookingWithChanges | null> {
  try {
    return normalise(await apiFetch<BookingWithChanges>(path(id), { token }))
  } catch (error) {
    if (errorStatus(error) === 404) return null
    throw error
  }
}

/**
 * The booking for a page that shows or changes it: the signed-in customer's own (anyone else's is a
 * 404 page, like one that doesn't exist); visitors go to sign in and come back.
 */
export async function loadManagedBooking(request: Request, id: string | undefined): Promise<{ token: string; data: BookingWithChanges }> {
  const token = await requireToken(request)
  let data: BookingWithChanges | null
  try {
    data = await getBookingWithChanges(token, id ?? "")
  } catch (error) {
    return failWith(request, error)
  }
  if (!data) throw new Response("Booking not found", { status: 404 })
  return { token, data }
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
export async function cancelBooking(token: string, id: string, reason: string | null): Promise<BookingWithChanges> {
  return normalise(await apiFetch<BookingWithChanges>(path(id, "/cancel"), { method: "POST", token, body: { reason } }))
}

/** Throws ApiError 409 when the window was just taken or the cut-off has passed, 400 for a time not offered. */
export async function rescheduleBooking(token: string, id: string, startsAt: string): Promise<BookingWithChanges> {
  return normalise(await apiFetch<BookingWithChanges>(path(id, "/reschedule"), { method: "POST", token, body: { starts_at: startsAt } }))
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
