import { toast, usePrompt } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { ApiError, adminFetch, bookingQueryKeys, formatVisitTimes } from "../../../lib/bookings"
import { scheduleQueryKeys } from "../../../lib/schedule"
import type { AdminBooking, AdminBookingResponse, AdminScheduleVisit } from "@fieldservice/contract"

/** Where a visit is dropped or sent from its menu: a fieldworker (null: unassigned) and perhaps another window. */
export type MoveTarget = { fieldworkerId: string | null; startsAt?: string }

/**
 * Moves a visit through the booking routes: first to the new window (the same reservation as a
 * customer's reschedule), then to the new fieldworker (the same rules as the booking page, with
 * its "Assign anyway?" for a postcode outside their areas). A refusal is shown in a toast; the
 * board is then reloaded, so the card shows where the visit really is.
 */
export function useMoveVisit(timeZone: string | undefined, names: Map<string, string>) {
  const queryClient = useQueryClient()
  const prompt = usePrompt()
  const [movingId, setMovingId] = useState<string | null>(null)

  const assign = async (id: string, fieldworkerId: string | null, outsideArea = false): Promise<AdminBooking | null> => {
    try {
      const body = { fieldworker_id: fieldworkerId, ...(outsideArea ? { outside_area: true } : {}) }
      return (await adminFetch<AdminBookingResponse>(`/admin/bookings/${id}/fieldworker`, { body })).booking
    } catch (caught) {
      if (!(caught instanceof ApiError) || caught.code !== "fieldworker_outside_area" || outsideArea) throw caught
      const confirmed = await prompt({ title: "Outside their areas", description: caught.message, confirmText: "Assign anyway", cancelText: "Keep as it was" })
      return confirmed ? assign(id, fieldworkerId, true) : null
    }
  }

  const move = async (visit: AdminScheduleVisit, target: MoveTarget) => {
    const toWindow = !!target.startsAt && target.startsAt !== visit.starts_at
    const toFieldworker = target.fieldworkerId !== visit.fieldworker_id
    if (!toWindow && !toFieldworker) return
    setMovingId(visit.id)
    const done: string[] = []
    try {
      if (toWindow) {
        const { booking } = await adminFetch<AdminBookingResponse>(`/admin/bookings/${visit.id}/reschedule`, { body: { starts_at: target.startsAt } })
        done.push(`moved to ${formatVisitTimes(booking, timeZone)}`)
        if (visit.fieldworker_id && !booking.fieldworker_id && !toFieldworker)
          done.push(`${names.get(visit.fieldworker_id) ?? "the fieldworker"} was taken off it (busy then)`)
      }
      if (toFieldworker) {
        const booking = await assign(visit.id, target.fieldworkerId)
        if (booking) done.push(booking.fieldworker ? `assigned to ${booking.fieldworker.name}` : "unassigned")
      }
      if (done.length) toast.success(`${visit.booking_number} ${done.join("; ")}`)
    } catch (caught) {
      const reason = caught instanceof Error ? caught.message : "The visit could not be moved."
      toast.error(done.length ? `${visit.booking_number} ${done.join("; ")}, but: ${reason}` : reason)
    } finally {
      setMovingId(null)
      await Promise.all([queryClient.invalidateQueries({ queryKey: scheduleQueryKeys.all }), queryClient.invalidateQueries({ queryKey: bookingQueryKeys.all })])
    }
  }

  return { move, movingId }
}
