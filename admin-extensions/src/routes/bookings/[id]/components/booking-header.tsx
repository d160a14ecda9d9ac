import { Badge, Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { BOOKING_STATUS_COLORS, BOOKING_STATUS_LABELS, STATUS_ACTION_LABELS, formatVisitDay, formatVisitTime } from "../../../../lib/bookings"
import { formatDateTime } from "../../../../lib/portal"
import { CancelPrompt } from "./cancel-prompt"
import { Row } from "./row"
import { useStatusChange } from "./use-status-change"
import type { AdminBooking } from "@fieldservice/contract"

export function BookingHeader({ booking, timeZone }: { booking: AdminBooking; timeZone: string }) {
  const [cancelOpen, setCancelOpen] = useState(false)
  const { change, undo, move } = useStatusChange(booking, () => setCancelOpen(false))
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
                onClick={() => move(status)}
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
      {booking.status === "completed" && booking.completed_at && (
        <Row label="Completed" testId="booking-completion">
          <span>{formatDateTime(booking.completed_at)}</span>
          {booking.completion_undo_until && (
            <Button
              size="small"
              variant="secondary"
              className="w-fit"
              onClick={() => undo.mutate()}
              isLoading={undo.isPending}
              data-testid="booking-undo-completion"
            >
              Undo (until {formatVisitTime(booking.completion_undo_until, timeZone)})
            </Button>
          )}
        </Row>
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
        onConfirm={(reason) => move("cancelled", reason)}
      />
    </Container>
  )
}
