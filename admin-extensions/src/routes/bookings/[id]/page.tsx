import { Container, Text } from "@medusajs/ui"
import { Link, useParams } from "react-router-dom"
import { useBooking } from "../../../lib/bookings"
import { Attachments } from "./components/attachments"
import { BookingHeader } from "./components/booking-header"
import { CustomerSection } from "./components/customer-section"
import { FieldworkerSection } from "./components/fieldworker-section"
import { InvoiceSection } from "./components/invoice-section"
import { OrderSection } from "./components/order-section"
import { VisitDetails } from "./components/visit-details"
import { RatingsCard } from "../../../components/ratings-list"

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
        <Attachments booking={booking} timeZone={timeZone} />
      </div>
      <div className="flex w-full flex-col gap-y-3 xl:max-w-[440px]">
        <CustomerSection booking={booking} />
        <FieldworkerSection booking={booking} />
        <OrderSection booking={booking} />
        <InvoiceSection booking={booking} />
        {booking.status === "completed" && (
          <RatingsCard title="Customer's rating" filters={{ booking_id: booking.id }} show={{ fieldworker: true }} testId="booking-ratings" />
        )}
      </div>
    </div>
  )
}

export default BookingPage

// The breadcrumb after "Bookings".
export const handle = { breadcrumb: () => "Booking" }
