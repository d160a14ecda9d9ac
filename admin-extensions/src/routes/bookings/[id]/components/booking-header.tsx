import { Badge, Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useMutation } from "@tanstack/react-query"
import { useState } from "react"
import { BOOKING_STATUS_COLORS, BOOKING_STATUS_LABELS, STATUS_ACTION_LABELS, adminFetch, formatVisitDay, formatVisitTime } from "../../../../lib/bookings"
import { formatDateTime } from "../../../../lib/portal"
import { CancelPrompt } from "./cancel-prompt"
import { Row } from "./row"
import { useBookingSaved } from "./use-booking-saved"
import type { AdminBooking, AdminBookingResponse as BookingResponse, BookingStatus } from "@fieldservice/contract"

export function BookingHeader({ booking, timeZone }: { booking: AdminBooking; timeZone: string }) {
  const saved = useBookingSaved()
  const [cancelOpen, setCancelOpen] = useState(false)
  const change = useMutation({
    mutationFn: (body: { status: BookingStatus; reason?: string | null }) => adminFetch<BookingResponse>(`/admin/bookings/${booking.id}/status`, { body }),
    onSuccess: async (response) => {
      toast.success(`Booking ${response.booking.booking_number} is now ${BOOKING_STATUS_LABELS[response.booking.status].toLowerCase()}`)
      setCancelOpen(false)
      await saved(response)
    },
    onError: (error: Error) => toast.error(error.message),
  })
  const moves = booking.allowed_statuses.filter((status) => status !== "cancelled")
  const canCancel = booking.allowed_statuses.includes("cancelled")

  return (
    <Container className="divide-y p-0" data-testid="booking-header">
      <div className="flex flex-wrap items-start justify-between gap-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <div className="flex items-center gap-x-2">
            <Heading level="h1" data-testid="booking-heading">
              Booking {booking.booking_number}
            </Heading>
            <Badge color={BOOKING_STATUS_COLORS[booking.status]} data-testid="booking-page-status">
              {BOOKING_STATUS_LABELS[booking.status]}
            </Badge>
          </div>
          <Text size="small" className="text-ui-fg-subtle">
            {booking.option_title ? `${booking.service_title} (${booking.option_title})` : booking.service_title} ·{" "}
            {formatVisitDay(booking.starts_at, timeZone)}, {formatVisitTime(booking.starts_at, timeZone)}
          </Text>
        </div>
        {(moves.length > 0 || canCancel) && (
          <div className="flex flex-wrap gap-2" data-testid="booking-status-actions">
            {moves.map((status) => (
              <Button
                key={status}
                size="small"
                variant="secondary"
                onClick={() => change.mutate({ status })}
                isLoading={change.isPending && change.variables?.status === status}
                disabled={change.isPending}
                data-testid={`booking-status-to-${status}`}
              >
                {STATUS_ACTION_LABELS[status]}
              </Button>
            ))}
            {canCancel && (
              <Button size="small" variant="danger" onClick={() => setCancelOpen(true)} disabled={change.isPending} data-testid="booking-cancel">
                Cancel booking
              </Button>
            )}
          </div>
        )}
      </div>
      {change.error && !cancelOpen && (
        <Text size="small" className="text-ui-fg-error px-6 py-3" role="alert" data-testid="booking-status-error">
          {change.error.message}
        </Text>
      )}
      {booking.status === "cancelled" && (
        <Row label="Cancelled" testId="booking-cancellation">
          <span>
            {formatDateTime(booking.cancelled_at)}
            {booking.cancelled_by ? ` by ${booking.cancelled_by === "staff" ? "staff" : "the customer"}` : ""}
          </span>
          {booking.cancellation_reason && <span className="text-ui-fg-subtle">“{booking.cancellation_reason}”</span>}
        </Row>
      )}
      <CancelPrompt
        open={cancelOpen}
        booking={booking}
        isPending={change.isPending}
        error={cancelOpen ? (change.error?.message ?? null) : null}
        onCancel={() => {
          change.reset()
          setCancelOpen(false)
        }}
        onConfirm={(reason) => change.mutate({ status: "cancelled", reason })}
      />
    </Container>
  )
}
