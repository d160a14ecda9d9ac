import { Button, Heading, Text, toast } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useEffect, useRef, useState } from "react"
import { Link, useNavigate, useSearchParams } from "react-router-dom"
import { FormError } from "../../../components/entry-drawer"
import { bookingQueryKeys } from "../../../lib/bookings"
import { createSeries, seriesQueryKeys } from "../../../lib/booking-series"
import { newBookingQueryKeys, placeBooking, useService, useServiceWindows } from "../../../lib/new-booking"
import { useCustomerProfile } from "../../../lib/profile"
import { ApiError } from "../../../lib/sdk"
import { useLeaveWarning } from "../../../lib/unsaved-changes"
import { CustomerChoice } from "./components/customer-choice"
import { type BookingDraft, bookingBody, draftFor, emptyDraft, priceRequest, seriesBody } from "./components/draft"
import { LocationChoice } from "./components/location-choice"
import { PaymentChoice } from "./components/payment-choice"
import { RepeatChoice } from "./components/repeat-choice"
import { Section } from "./components/section"
import { ServiceChoice } from "./components/service-choice"
import { VisitExtras } from "./components/visit-extras"
import { WindowChoice } from "./components/window-choice"

/**
 * "New booking": staff book a visit for a customer, usually while they are on the phone, through
 * the portal's own booking workflow (same times and capacity, prices, emails and payment). Opened
 * from Bookings, or from a customer's page with the customer chosen (`?customer_id=`). "How often?"
 * other than just once sets up repeat visits instead (the first visit booked the same way).
 */
const NewBookingPage = () => {
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [params] = useSearchParams()
  const [draft, setDraft] = useState<BookingDraft>(() => emptyDraft(params.get("customer_id") ?? ""))
  const profile = useCustomerProfile(draft.customerId)
  const service = useService(draft.serviceId)
  const change = (next: Partial<BookingDraft>) => setDraft((current) => ({ ...current, ...next }))

  // A customer chosen: their contact details and first location fill in (once per customer).
  const filledFor = useRef("")
  const current = draft.customerId ? profile.data?.profile : undefined
  useEffect(() => {
    if (current && filledFor.current !== current.id) {
      filledFor.current = current.id
      setDraft((now) => draftFor(now, current))
    }
  }, [current])

  // The time was just taken: offer what is still free, with none chosen.
  const windowTaken = async (error: Error) => {
    if (!(error instanceof ApiError) || error.status !== 409) return
    change({ startsAt: "" })
    await queryClient.invalidateQueries({ queryKey: newBookingQueryKeys.service(draft.serviceId) })
  }
  const place = useMutation({
    mutationFn: placeBooking,
    onSuccess: async ({ booking }) => {
      toast.success(`Booking ${booking.booking_number} placed. The customer was emailed a confirmation.`)
      await queryClient.invalidateQueries({ queryKey: bookingQueryKeys.all })
      await queryClient.invalidateQueries({ queryKey: ["customer-bookings"] })
    },
    onError: windowTaken,
  })
  const setUp = useMutation({
    mutationFn: (body: NonNullable<ReturnType<typeof seriesBody>["body"]>) => createSeries(draft.customerId, body),
    onSuccess: async ({ booking_series: series }) => {
      toast.success(`Repeat visits set up: ${series.frequency_text.toLowerCase()} at ${series.start_time}. The customer was emailed.`)
      await queryClient.invalidateQueries({ queryKey: seriesQueryKeys.customer(draft.customerId) })
      await queryClient.invalidateQueries({ queryKey: ["customer-bookings"] })
    },
    onError: windowTaken,
  })
  const timeZone = useServiceWindows(draft.serviceId, draft.from).data?.time_zone
  useLeaveWarning(!!draft.serviceId && !place.data && !setUp.data)
  // Once placed (and the leave warning is off), on to the booking's page, or the customer's for repeat visits.
  const placed = place.data?.booking.id
  const seriesSetUp = setUp.data?.booking_series.id
  useEffect(() => {
    if (placed) navigate(`/bookings/${placed}`, { replace: true })
  }, [placed, navigate])
  useEffect(() => {
    if (seriesSetUp) navigate(`/customers/${draft.customerId}`, { replace: true })
  }, [seriesSetUp, draft.customerId, navigate])

  const repeating = !!draft.frequency
  const single = bookingBody(draft)
  const series = seriesBody(draft)
  const missing = repeating ? series.missing : single.missing
  const failed = repeating ? setUp.error : place.error
  const fieldError = (prefix: string) => (field: string) =>
    (failed instanceof ApiError ? failed.fields : []).find((error) => error.field === `${prefix}${field}`)?.message ?? null
  const refused = failed && !(failed instanceof ApiError && failed.fields.length) ? failed.message : null
  const submit = () => {
    if (repeating) {
      if (series.body) setUp.mutate(series.body)
    } else if (single.body) place.mutate(single.body)
  }

  return (
    <div className="mx-auto flex w-full max-w-[760px] flex-col gap-y-3" data-testid="new-booking-page">
      <div className="flex flex-col gap-y-1 px-1 py-2">
        <Heading level="h1">New booking</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Book a visit for a customer, e.g. on the phone. They get the same confirmation email as when they book in the portal.
        </Text>
      </div>
      <Section title="Customer" testId="new-booking-customer-section">
        <CustomerChoice
          customerId={draft.customerId}
          profile={current ?? null}
          onChoose={(customerId) => setDraft((now) => ({ ...emptyDraft(customerId), serviceId: now.serviceId, variantId: now.variantId }))}
        />
        {draft.customerId && profile.error && <FormError error={profile.error.message} testId="new-booking-customer-error" />}
      </Section>
      <Section title="Service" testId="new-booking-service-section">
        <ServiceChoice
          serviceId={draft.serviceId}
          variantId={draft.variantId}
          onService={(serviceId) => change({ serviceId, variantId: "", from: "", day: "", startsAt: "", dependentIds: [] })}
          onVariant={(variantId) => change({ variantId })}
        />
      </Section>
      {draft.serviceId && (
        <Section title="Arrival time" hint="Free windows, including ones sooner than customers can book themselves." testId="new-booking-time-section">
          <WindowChoice
            serviceId={draft.serviceId}
            from={draft.from}
            day={draft.day}
            startsAt={draft.startsAt}
            onPage={(from) => change({ from, day: "" })}
            onDay={(day) => change({ day })}
            onWindow={(startsAt) => change({ startsAt })}
          />
        </Section>
      )}
      {draft.serviceId && (
        <Section title="How often?" hint="Just once, or a visit that repeats at the same time." testId="new-booking-repeat-section">
          <RepeatChoice draft={draft} timeZone={timeZone} onChange={change} />
        </Section>
      )}
      {current && (
        <>
          <Section title="Location" testId="new-booking-location-section">
            <LocationChoice locations={current.locations} draft={draft} onChange={change} messageFor={fieldError("location.address.")} />
          </Section>
          <Section title="Details" testId="new-booking-details-section">
            <VisitExtras
              profile={current}
              dependentTypeIds={service.data?.service.dependent_type_ids ?? []}
              draft={draft}
              onChange={change}
              messageFor={(field) => fieldError("contact.")(field) ?? fieldError("")(field)}
            />
          </Section>
          <Section title="Payment" testId="new-booking-payment-section">
            {repeating ? (
              <Text size="small" className="text-ui-fg-subtle" data-testid="new-booking-series-payment">
                Repeat visits are paid on the day of each visit.
              </Text>
            ) : (
              <PaymentChoice customerId={draft.customerId} cardId={draft.cardId} onCard={(cardId) => change({ cardId })} priceFor={priceRequest(draft)} />
            )}
          </Section>
        </>
      )}
      <div className="flex flex-col gap-y-3 px-1 pb-8">
        <FormError error={refused} testId="new-booking-error" />
        <div className="flex items-center justify-end gap-x-2">
          {missing && (
            <Text size="small" className="text-ui-fg-subtle mr-auto" data-testid="new-booking-missing">
              {missing}
            </Text>
          )}
          <Button size="small" variant="secondary" asChild>
            <Link to={draft.customerId && params.get("customer_id") ? `/customers/${draft.customerId}` : "/bookings"}>Cancel</Link>
          </Button>
          <Button
            size="small"
            disabled={repeating ? !series.body : !single.body}
            isLoading={place.isPending || setUp.isPending}
            onClick={submit}
            data-testid="new-booking-submit"
          >
            {repeating ? "Set up repeat visits" : "Book visit"}
          </Button>
        </div>
      </div>
    </div>
  )
}

export default NewBookingPage

// The breadcrumb after "Bookings".
export const handle = { breadcrumb: () => "New booking" }
