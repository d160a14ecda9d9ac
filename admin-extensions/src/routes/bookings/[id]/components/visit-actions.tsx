import { Clock, EllipsisHorizontal, PencilSquare } from "@medusajs/icons"
import { DropdownMenu, IconButton, toast } from "@medusajs/ui"
import { useMutation } from "@tanstack/react-query"
import { useState } from "react"
import { TimeDrawer } from "../../../../components/time-drawer"
import { adminFetch, formatVisitDay, formatVisitTimes, todayIn } from "../../../../lib/bookings"
import { EditVisitDrawer } from "./edit-visit-drawer"
import { useBookingSaved } from "./use-booking-saved"
import { OPEN_BOOKING_STATUSES, type AdminBooking, type AdminBookingResponse } from "@fieldservice/contract"

/** How many days of free windows "Reschedule" offers from today. */
const RESCHEDULE_DAYS = 14

/**
 * The Visit section's menu, as Medusa's sections have: "Edit" (address, contact, instructions)
 * while the visit is open, and "Reschedule" while it is still to happen and was booked against
 * its service's windows (the same drawer and rules as the schedule board's "Another time…").
 */
export function VisitActions({ booking, timeZone }: { booking: AdminBooking; timeZone: string }) {
  const [editing, setEditing] = useState(false)
  const [rescheduling, setRescheduling] = useState(false)
  const saved = useBookingSaved()
  const canEdit = OPEN_BOOKING_STATUSES.includes(booking.status)
  const canReschedule = (booking.status === "requested" || booking.status === "confirmed") && !!booking.product_id

  const reschedule = useMutation({
    mutationFn: (startsAt: string) => adminFetch<AdminBookingResponse>(`/admin/bookings/${booking.id}/reschedule`, { body: { starts_at: startsAt } }),
    onSuccess: async (response) => {
      const moved = response.booking
      const dropped = booking.fieldworker && !moved.fieldworker ? `; ${booking.fieldworker.name} was taken off it (busy then)` : ""
      toast.success(`Moved to ${formatVisitDay(moved.starts_at, timeZone)}, ${formatVisitTimes(moved, timeZone)}${dropped}`)
      await saved(response)
    },
    onError: (error) => toast.error(error.message || "The visit could not be moved."),
  })

  if (!canEdit && !canReschedule) return null
  return (
    <>
      <DropdownMenu>
        <DropdownMenu.Trigger asChild>
          <IconButton size="small" variant="transparent" aria-label="Visit actions" data-testid="booking-visit-actions">
            <EllipsisHorizontal />
          </IconButton>
        </DropdownMenu.Trigger>
        <DropdownMenu.Content align="end">
          {canEdit && (
            <DropdownMenu.Item className="gap-x-2" onClick={() => setEditing(true)} data-testid="booking-visit-edit">
              <PencilSquare className="text-ui-fg-subtle" />
              Edit
            </DropdownMenu.Item>
          )}
          {canReschedule && (
            <DropdownMenu.Item className="gap-x-2" onClick={() => setRescheduling(true)} disabled={reschedule.isPending} data-testid="booking-visit-reschedule">
              <Clock className="text-ui-fg-subtle" />
              Reschedule
            </DropdownMenu.Item>
          )}
        </DropdownMenu.Content>
      </DropdownMenu>
      {canEdit && <EditVisitDrawer booking={booking} open={editing} onOpenChange={setEditing} />}
      <TimeDrawer
        visit={rescheduling ? booking : null}
        day={todayIn(timeZone)}
        days={RESCHEDULE_DAYS}
        timeZone={timeZone}
        onClose={() => setRescheduling(false)}
        onChoose={(startsAt) => {
          setRescheduling(false)
          reschedule.mutate(startsAt)
        }}
      />
    </>
  )
}
