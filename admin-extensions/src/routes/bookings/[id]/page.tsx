import { ArrowUpRightOnBox, DocumentText } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Label, Prompt, Select, Text, Textarea, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { type ReactNode, useState } from "react"
import { Link, useParams } from "react-router-dom"
import {
  type AdminBooking,
  ApiError,
  BOOKING_STATUS_COLORS,
  BOOKING_STATUS_LABELS,
  type BookingResponse,
  type BookingStatus,
  STATUS_ACTION_LABELS,
  adminFetch,
  bookingQueryKeys,
  describeAreas,
  formatFileSize,
  formatMoney,
  formatVisitDay,
  formatVisitTime,
  isImage,
  useBooking,
  useFieldworkers,
} from "../../../lib/bookings"
import { formatDateTime } from "../../../lib/portal"

/**
 * One booking for staff: when and where, who it is for (with links to the customer and the
 * order), the fieldworker going, its status, and the photos and documents attached to it.
 */
const BookingPage = () => {
  const { id = "" } = useParams()
  const { data, isLoading, error } = useBooking(id)

  if (isLoading) {
    return (
      <Container>
        <Text size="small">Loading booking…</Text>
      </Container>
    )
  }
  if (error || !data) {
    return (
      <Container className="flex flex-col gap-y-2" data-testid="booking-load-error">
        <Text size="small" className="text-ui-fg-error">
          The booking could not be loaded: {error?.message ?? "not found"}
        </Text>
        <Link to="/bookings" className="txt-compact-small text-ui-fg-interactive">
          Back to bookings
        </Link>
      </Container>
    )
  }
  const { booking, time_zone: timeZone } = data
  return (
    <div className="flex flex-col gap-x-4 gap-y-3 xl:flex-row xl:items-start" data-testid="booking-page" data-booking-id={booking.id}>
      <div className="flex w-full flex-col gap-y-3">
        <BookingHeader booking={booking} timeZone={timeZone} />
        <VisitDetails booking={booking} timeZone={timeZone} />
        <Attachments booking={booking} />
      </div>
      <div className="flex w-full flex-col gap-y-3 xl:max-w-[440px]">
        <CustomerSection booking={booking} />
        <FieldworkerSection booking={booking} />
        <OrderSection booking={booking} />
      </div>
    </div>
  )
}

/** Puts a changed booking (every change answers with the whole booking) into the caches. */
function useBookingSaved() {
  const queryClient = useQueryClient()
  return (response: BookingResponse) => {
    queryClient.setQueryData(bookingQueryKeys.detail(response.booking.id), response)
    // Lists, the customer page's widget and the activity history show it too.
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: ["admin-bookings", "list"] }),
      queryClient.invalidateQueries({ queryKey: ["customer-bookings"] }),
      queryClient.invalidateQueries({ queryKey: ["customer-profile"] }),
    ])
  }
}

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,2fr)] items-start gap-x-4 px-6 py-3">
      <Text size="small" leading="compact" weight="plus" className="text-ui-fg-subtle">
        {label}
      </Text>
      <div className="txt-compact-small flex min-w-0 flex-col gap-y-0.5 break-words" data-testid={testId}>
        {children}
      </div>
    </div>
  )
}

function BookingHeader({ booking, timeZone }: { booking: AdminBooking; timeZone: string }) {
  const saved = useBookingSaved()
  const [cancelOpen, setCancelOpen] = useState(false)
  const change = useMutation({
    mutationFn: (body: { status: BookingStatus; reason?: string | null }) =>
      adminFetch<BookingResponse>(`/admin/bookings/${booking.id}/status`, { body }),
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
        error={cancelOpen ? change.error?.message ?? null : null}
        onCancel={() => {
          change.reset()
          setCancelOpen(false)
        }}
        onConfirm={(reason) => change.mutate({ status: "cancelled", reason })}
      />
    </Container>
  )
}

/** "Cancel this booking?" with an optional reason, which the customer sees in their notifications. */
function CancelPrompt({
  open,
  booking,
  isPending,
  error,
  onCancel,
  onConfirm,
}: {
  open: boolean
  booking: AdminBooking
  isPending: boolean
  error: string | null
  onCancel: () => void
  onConfirm: (reason: string | null) => void
}) {
  const [reason, setReason] = useState("")
  return (
    <Prompt variant="danger" open={open} onOpenChange={(next) => !next && onCancel()}>
      <Prompt.Content data-testid="booking-cancel-prompt">
        <Prompt.Header>
          <Prompt.Title>Cancel booking {booking.booking_number}?</Prompt.Title>
          <Prompt.Description>
            The arrival window is given back so others can book it, and {booking.customer?.name ?? "the customer"} is told in their
            portal notifications. This can’t be undone.
          </Prompt.Description>
        </Prompt.Header>
        <div className="flex flex-col gap-y-2 px-6 pb-4">
          <Label htmlFor="booking-cancel-reason" size="small" weight="plus">
            Reason (shown to the customer, optional)
          </Label>
          <Textarea
            id="booking-cancel-reason"
            rows={3}
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            data-testid="booking-cancel-reason"
          />
          {error && (
            <Text size="small" className="text-ui-fg-error" role="alert" data-testid="booking-cancel-error">
              {error}
            </Text>
          )}
        </div>
        <Prompt.Footer>
          <Prompt.Cancel data-testid="booking-cancel-keep">Keep booking</Prompt.Cancel>
          <Button
            size="small"
            variant="danger"
            isLoading={isPending}
            onClick={() => onConfirm(reason.trim() || null)}
            data-testid="booking-cancel-confirm"
          >
            Cancel booking
          </Button>
        </Prompt.Footer>
      </Prompt.Content>
    </Prompt>
  )
}

function VisitDetails({ booking, timeZone }: { booking: AdminBooking; timeZone: string }) {
  const contact = booking.contact ?? {}
  const card = booking.card
  return (
    <Container className="divide-y p-0" data-testid="booking-details">
      <div className="px-6 py-4">
        <Heading level="h2">Visit</Heading>
      </div>
      <Row label="When" testId="booking-when">
        <span>{formatVisitDay(booking.starts_at, timeZone)}</span>
        <span className="text-ui-fg-subtle">
          {booking.window_ends_at
            ? `Arriving between ${formatVisitTime(booking.starts_at, timeZone)} and ${formatVisitTime(booking.window_ends_at, timeZone)}`
            : `${formatVisitTime(booking.starts_at, timeZone)}–${formatVisitTime(booking.ends_at, timeZone)}`}
          {booking.reschedule_count > 0 && ` · moved ${booking.reschedule_count === 1 ? "once" : `${booking.reschedule_count} times`}`}
        </span>
      </Row>
      <Row label="Where" testId="booking-where">
        {booking.location_text ?? "—"}
      </Row>
      <Row label="Contact on the day" testId="booking-contact">
        <span>{contact.name ?? "—"}</span>
        {contact.email && <span className="text-ui-fg-subtle">{contact.email}</span>}
        {contact.phone && <span className="text-ui-fg-subtle">{contact.phone}</span>}
      </Row>
      {booking.additional_contact && (
        <Row label="Also contact" testId="booking-additional-contact">
          <span>
            {booking.additional_contact.name}
            {booking.additional_contact.role ? ` (${booking.additional_contact.role})` : ""}
          </span>
          {[...booking.additional_contact.emails, ...booking.additional_contact.phones].map((value) => (
            <span key={value} className="text-ui-fg-subtle">
              {value}
            </span>
          ))}
        </Row>
      )}
      <Row label="Instructions" testId="booking-instructions">
        <span className="whitespace-pre-wrap">{booking.instructions || "—"}</span>
      </Row>
      {booking.dependents.length > 0 && (
        <Row label="For" testId="booking-dependents">
          {booking.dependents.map((dependent) => (
            <span key={dependent.id}>
              {dependent.name}
              {dependent.type_label && <span className="text-ui-fg-subtle"> · {dependent.type_label}</span>}
            </span>
          ))}
        </Row>
      )}
      {booking.business_profile && (
        <Row label="Business profile" testId="booking-business-profile">
          <span>{booking.business_profile.name}</span>
          <span className="text-ui-fg-subtle">{booking.business_profile.billing_email}</span>
          <span className="text-ui-fg-subtle">{booking.business_profile.address_text}</span>
          {booking.business_profile.tax_id && <span className="text-ui-fg-subtle">Tax ID {booking.business_profile.tax_id}</span>}
        </Row>
      )}
      {card && (
        <Row label="Card" testId="booking-card">
          {card.brand ? `${card.brand[0].toUpperCase()}${card.brand.slice(1)}` : "Card"} ending {card.last4}
          {card.exp_month && card.exp_year ? `, expires ${String(card.exp_month).padStart(2, "0")}/${String(card.exp_year).slice(-2)}` : ""}
        </Row>
      )}
      <Row label="Booked">{formatDateTime(booking.created_at)}</Row>
    </Container>
  )
}

function Attachments({ booking }: { booking: AdminBooking }) {
  return (
    <Container className="divide-y p-0" data-testid="booking-attachments">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Attachments</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {booking.attachments.length === 1 ? "1 file" : `${booking.attachments.length} files`}
        </Text>
      </div>
      {booking.attachments.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4" data-testid="booking-attachments-empty">
          No photos or documents yet. Customers can add them to their booking in the portal.
        </Text>
      ) : (
        <ul className="grid grid-cols-2 gap-3 px-6 py-4 sm:grid-cols-3 lg:grid-cols-4">
          {booking.attachments.map((attachment) => (
            <li key={attachment.id} data-testid="booking-attachment" data-attachment-id={attachment.id}>
              <a
                href={attachment.url}
                target="_blank"
                rel="noreferrer"
                className="border-ui-border-base hover:border-ui-border-interactive flex flex-col overflow-hidden rounded-lg border"
                data-testid="booking-attachment-link"
              >
                {isImage(attachment) ? (
                  <img src={attachment.url} alt={attachment.filename} className="bg-ui-bg-subtle aspect-square w-full object-cover" loading="lazy" />
                ) : (
                  <div className="bg-ui-bg-subtle text-ui-fg-muted flex aspect-square w-full items-center justify-center">
                    <DocumentText />
                  </div>
                )}
                <div className="flex flex-col px-2 py-1.5">
                  <span className="txt-compact-small truncate" title={attachment.filename} data-testid="booking-attachment-name">
                    {attachment.filename}
                  </span>
                  <span className="txt-compact-xsmall text-ui-fg-subtle">
                    {formatFileSize(attachment.size_bytes)} · {attachment.added_by === "staff" ? "staff" : "customer"}
                  </span>
                </div>
              </a>
            </li>
          ))}
        </ul>
      )}
    </Container>
  )
}

function CustomerSection({ booking }: { booking: AdminBooking }) {
  const customer = booking.customer
  return (
    <Container className="divide-y p-0" data-testid="booking-customer">
      <div className="px-6 py-4">
        <Heading level="h2">Customer</Heading>
      </div>
      {customer ? (
        <div className="flex flex-col gap-y-1 px-6 py-4">
          <Link to={`/customers/${customer.id}`} className="txt-compact-small-plus text-ui-fg-interactive hover:text-ui-fg-interactive-hover" data-testid="booking-customer-link">
            {customer.name || customer.email}
          </Link>
          {customer.company_name && <Text size="small">{customer.company_name}</Text>}
          <Text size="small" className="text-ui-fg-subtle">
            {customer.email}
          </Text>
          {customer.phone && (
            <Text size="small" className="text-ui-fg-subtle">
              {customer.phone}
            </Text>
          )}
          <Link
            to={`/bookings?${new URLSearchParams({ customer_id: customer.id, from: "" })}`}
            className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover mt-2"
            data-testid="booking-customer-bookings"
          >
            All their bookings
          </Link>
        </div>
      ) : (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          A guest booking by {booking.email}: no customer account yet.
        </Text>
      )}
    </Container>
  )
}

function FieldworkerSection({ booking }: { booking: AdminBooking }) {
  const prompt = usePrompt()
  const saved = useBookingSaved()
  const { data } = useFieldworkers()
  const current = booking.fieldworker
  const [choice, setChoice] = useState("")
  const [error, setError] = useState<string | null>(null)
  const open = booking.status !== "cancelled"
  const candidates = (data?.fieldworkers ?? []).filter((fieldworker) => fieldworker.active && fieldworker.id !== current?.id)

  const assign = useMutation({
    mutationFn: (body: { fieldworker_id: string | null; outside_area?: boolean }) =>
      adminFetch<BookingResponse>(`/admin/bookings/${booking.id}/fieldworker`, { body }),
    onSuccess: async (response) => {
      const assigned = response.booking.fieldworker
      toast.success(assigned ? `${assigned.name} assigned` : "Fieldworker unassigned")
      setChoice("")
      setError(null)
      await saved(response)
    },
  })

  const submit = async (body: { fieldworker_id: string | null; outside_area?: boolean }) => {
    setError(null)
    try {
      await assign.mutateAsync(body)
    } catch (caught) {
      // Outside their areas: staff decide (someone covering); anything else is a no.
      if (caught instanceof ApiError && caught.code === "fieldworker_outside_area" && body.fieldworker_id) {
        const confirmed = await prompt({
          title: "Outside their areas",
          description: caught.message,
          confirmText: "Assign anyway",
          cancelText: "Choose someone else",
        })
        if (confirmed) return submit({ ...body, outside_area: true })
        return
      }
      const message = caught instanceof Error ? caught.message : "The fieldworker could not be assigned."
      setError(message)
      toast.error(message)
    }
  }

  return (
    <Container className="divide-y p-0" data-testid="booking-fieldworker">
      <div className="px-6 py-4">
        <Heading level="h2">Fieldworker</Heading>
      </div>
      <div className="flex flex-col gap-y-1 px-6 py-4" data-testid="booking-fieldworker-current">
        {current ? (
          <>
            <Text size="small" weight="plus" data-testid="booking-fieldworker-name">
              {current.name}
              {current.removed && " (removed)"}
              {!current.removed && !current.active && " (inactive)"}
            </Text>
            <Text size="small" className="text-ui-fg-subtle">
              {[current.phone, current.email].filter(Boolean).join(" · ")}
            </Text>
            <Text size="small" className="text-ui-fg-subtle">
              Areas: {describeAreas(current.service_areas)}
            </Text>
            {current.covers_postcode === false && (
              <Text size="small" className="text-ui-fg-error" data-testid="booking-fieldworker-outside">
                {booking.postcode} is outside their areas.
              </Text>
            )}
          </>
        ) : (
          <Text size="small" className="text-ui-fg-subtle" data-testid="booking-fieldworker-none">
            Nobody is assigned yet.
          </Text>
        )}
      </div>
      {open && (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Label size="small" weight="plus" htmlFor="booking-fieldworker-select">
            {current ? "Reassign to" : "Assign"}
          </Label>
          <div className="flex gap-x-2">
            <div className="min-w-0 flex-1">
              <Select size="small" value={choice} onValueChange={setChoice}>
                <Select.Trigger id="booking-fieldworker-select" data-testid="booking-fieldworker-select">
                  <Select.Value placeholder="Choose a fieldworker" />
                </Select.Trigger>
                <Select.Content>
                  {candidates.map((fieldworker) => (
                    <Select.Item key={fieldworker.id} value={fieldworker.id}>
                      {fieldworker.name} · {describeAreas(fieldworker.service_areas)}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </div>
            <Button
              size="small"
              variant="secondary"
              disabled={!choice || assign.isPending}
              isLoading={assign.isPending && !!assign.variables?.fieldworker_id}
              onClick={() => submit({ fieldworker_id: choice })}
              data-testid="booking-fieldworker-assign"
            >
              Assign
            </Button>
          </div>
          {candidates.length === 0 && data && (
            <Text size="small" className="text-ui-fg-subtle">
              No other active fieldworkers. Add them under{" "}
              <Link to="/settings/fieldworkers" className="text-ui-fg-interactive">
                Settings → Fieldworkers
              </Link>
              .
            </Text>
          )}
          {error && (
            <Text size="small" className="text-ui-fg-error" role="alert" data-testid="booking-fieldworker-error">
              {error}
            </Text>
          )}
          {current && (
            <div>
              <Button
                size="small"
                variant="transparent"
                onClick={() => submit({ fieldworker_id: null })}
                disabled={assign.isPending}
                data-testid="booking-fieldworker-unassign"
              >
                Unassign {current.name}
              </Button>
            </div>
          )}
        </div>
      )}
    </Container>
  )
}

function OrderSection({ booking }: { booking: AdminBooking }) {
  const order = booking.order
  return (
    <Container className="divide-y p-0" data-testid="booking-order">
      <div className="px-6 py-4">
        <Heading level="h2">Order</Heading>
      </div>
      {order ? (
        <div className="flex flex-col gap-y-1 px-6 py-4">
          <Link
            to={`/orders/${order.id}`}
            className="txt-compact-small-plus text-ui-fg-interactive hover:text-ui-fg-interactive-hover flex items-center gap-x-1"
            data-testid="booking-order-link"
          >
            Order #{order.display_id} <ArrowUpRightOnBox />
          </Link>
          <Text size="small" className="text-ui-fg-subtle">
            {formatMoney(order.total, order.currency_code)} · {order.status}
          </Text>
        </div>
      ) : (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          {booking.status === "requested" ? "No order yet: the payment has not gone through." : "No order: booked outside the portal."}
        </Text>
      )}
    </Container>
  )
}

export default BookingPage

// The breadcrumb after "Bookings".
export const handle = { breadcrumb: () => "Booking" }
