import { FileGallery } from "../../../../components/file-gallery"
import { adminFetch } from "../../../../lib/bookings"
import { uploadFile } from "../../../../lib/profile"
import { useBookingSaved } from "./use-booking-saved"
import type { AdminBooking, AdminBookingAttachmentDeleteResponse, AdminBookingResponse } from "@fieldservice/contract"

export function Attachments({ booking, timeZone }: { booking: AdminBooking; timeZone: string }) {
  const saved = useBookingSaved()
  // Files are kept on any booking that was not cancelled, as in the portal.
  const canChange = booking.status !== "cancelled"
  const path = `/admin/bookings/${booking.id}/attachments`
  return (
    <FileGallery
      title="Attachments"
      testId="booking"
      files={booking.attachments.map((attachment) => ({ ...attachment, note: attachment.added_by === "staff" ? "staff" : "customer" }))}
      canChange={canChange}
      empty={canChange ? "No photos or documents yet. Add photos or PDFs here; the customer can add them in the portal too." : "No photos or documents."}
      upload={async (file) => saved(await uploadFile<AdminBookingResponse>(path, file))}
      remove={async (file) => {
        const response = await adminFetch<AdminBookingAttachmentDeleteResponse>(`${path}/${file.id}`, { method: "DELETE" })
        await saved({ booking: response.parent, time_zone: timeZone })
      }}
      removeWarning={(file) => `“${file.filename}” will be removed from booking ${booking.booking_number}, for the customer too.`}
    />
  )
}
