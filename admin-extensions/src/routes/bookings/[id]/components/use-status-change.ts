import { toast, usePrompt } from "@medusajs/ui"
import { useMutation } from "@tanstack/react-query"
import { BOOKING_CONFLICT_CODES, COMPLETION_UNDO_MINUTES } from "@fieldservice/contract"
import { ApiError, BOOKING_STATUS_LABELS, adminFetch } from "../../../../lib/bookings"
import { useBookingSaved } from "./use-booking-saved"
import type { AdminBooking, AdminBookingResponse as BookingResponse, AdminChangeBookingStatusBody, BookingStatus } from "@fieldservice/contract"

/**
 * Moving a booking on, with the care completing needs: it asks first, asks again when the arrival
 * window hasn't started (an early finish), and offers "Undo" for the minutes the server allows.
 */
export function useStatusChange(booking: AdminBooking, onDone: () => void) {
  const prompt = usePrompt()
  const saved = useBookingSaved()
  const undo = useMutation({
    mutationFn: () => adminFetch<BookingResponse>(`/admin/bookings/${booking.id}/reopen`, { body: {} }),
    onSuccess: async (response) => {
      toast.success(`Booking ${response.booking.booking_number} is ${BOOKING_STATUS_LABELS[response.booking.status].toLowerCase()} again`)
      await saved(response)
    },
    onError: (error: Error) => toast.error(error.message),
  })
  const change = useMutation({
    mutationFn: (body: AdminChangeBookingStatusBody) => adminFetch<BookingResponse>(`/admin/bookings/${booking.id}/status`, { body }),
    onSuccess: async (response) => {
      const status = BOOKING_STATUS_LABELS[response.booking.status].toLowerCase()
      const completed = response.booking.status === "completed"
      toast.success(`Booking ${response.booking.booking_number} is now ${status}`, {
        ...(completed && {
          description: `You can undo this for ${COMPLETION_UNDO_MINUTES} minutes.`,
          action: { label: "Undo", altText: "Undo marking the booking completed", onClick: () => undo.mutate() },
          duration: 20_000,
        }),
      })
      onDone()
      await saved(response)
    },
  })

  const complete = async () => {
    const confirmed = await prompt({
      title: `Mark booking ${booking.booking_number} completed?`,
      description: `${booking.customer?.name ?? "The customer"} is told the visit is done. You can undo this for ${COMPLETION_UNDO_MINUTES} minutes; after that the booking and its fieldworker stay as they are.`,
      confirmText: "Mark completed",
      variant: "confirmation",
      cancelText: "Not yet",
    })
    if (!confirmed) return
    try {
      await change.mutateAsync({ status: "completed" })
    } catch (caught) {
      if (!(caught instanceof ApiError) || caught.code !== BOOKING_CONFLICT_CODES.notStarted) return
      change.reset()
      const early = await prompt({
        title: "Finished early?",
        description: caught.message,
        confirmText: "Yes, the work is done",
        cancelText: "Keep it open",
        variant: "confirmation",
      })
      if (early) await change.mutateAsync({ status: "completed", early_finish: true }).catch(() => undefined)
    }
  }

  /** Every status but "completed" moves at once; "cancelled" goes through its own prompt with a reason. */
  const move = (status: BookingStatus, reason?: string | null) => {
    if (status === "completed") return void complete()
    change.mutate({ status, ...(reason !== undefined && { reason }) })
  }
  return { change, undo, move }
}
