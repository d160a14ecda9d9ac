import { Text } from "@react-email/components"
import { ActionButton, FallbackLink, Greeting, Layout } from "./layout"
import { defineTemplate } from "./template"
import { Details, detailFields, type BookingDetails } from "./booking"

type CustomerFields = { customer_name: string; customer_email: string; customer_phone?: string }

const customerFields = { customer_name: "string", customer_email: "string", customer_phone: "optional-string" } as const

function CustomerLine({ customer_name, customer_email, customer_phone }: CustomerFields) {
  return (
    <Text style={{ margin: "0 0 4px" }}>
      <strong>Customer:</strong> {customer_name}, {customer_email}
      {customer_phone ? `, ${customer_phone}` : ""}
    </Text>
  )
}

/* Cancelled ------------------------------------------------------------ */

export type BookingCancelledData = BookingDetails & { first_name?: string; book_again_url: string; staff_reason?: string }

/** To the customer: their cancellation went through, or the business cancelled the visit (with its reason). */
export function BookingCancelledEmail({ businessName, first_name, book_again_url, staff_reason, ...details }: BookingCancelledData & { businessName: string }) {
  return (
    <Layout businessName={businessName} preview={`Booking ${details.booking_number} is cancelled`}>
      <Greeting firstName={first_name} />
      <Text>{`Your booking with ${businessName} is cancelled. We won't come for this visit:`}</Text>
      <Details {...details} />
      {staff_reason ? <Text>{`Why we cancelled it: ${staff_reason}`}</Text> : null}
      <ActionButton href={book_again_url}>Book again</ActionButton>
      <FallbackLink href={book_again_url} />
    </Layout>
  )
}

export const bookingCancelled = defineTemplate<BookingCancelledData>({
  id: "booking-cancelled",
  subject: (businessName, data) => `Booking ${data.booking_number} cancelled: ${data.service_title} with ${businessName}`,
  fields: { ...detailFields, first_name: "optional-string", book_again_url: "url", staff_reason: "optional-string" },
  Component: BookingCancelledEmail,
})

export type BookingCancelledOfficeData = BookingDetails & CustomerFields & { reason?: string }

/** To the office: a customer cancelled in the portal, so the visit comes off the schedule. */
export function BookingCancelledOfficeEmail({
  businessName,
  reason,
  customer_name,
  customer_email,
  customer_phone,
  ...details
}: BookingCancelledOfficeData & { businessName: string }) {
  return (
    <Layout businessName={businessName} preview={`${customer_name} cancelled booking ${details.booking_number}`}>
      <Text>{`${customer_name} cancelled this booking in the ${businessName} customer portal. Its arrival window is free again.`}</Text>
      <Details {...details} />
      <Text style={{ margin: "0 0 4px" }}>
        <strong>Reason given:</strong> {reason || "none"}
      </Text>
      <CustomerLine customer_name={customer_name} customer_email={customer_email} customer_phone={customer_phone} />
    </Layout>
  )
}

export const bookingCancelledOffice = defineTemplate<BookingCancelledOfficeData>({
  id: "booking-cancelled-office",
  subject: (_businessName, data) => `Portal cancellation ${data.booking_number}: ${data.service_title}, ${data.when_text}`,
  fields: { ...detailFields, ...customerFields, reason: "optional-string" },
  Component: BookingCancelledOfficeEmail,
})

/* Rescheduled ---------------------------------------------------------- */

export type BookingRescheduledData = BookingDetails & { first_name?: string; previous_when_text: string; booking_url: string }

/** To the customer: the visit's new time. */
export function BookingRescheduledEmail({
  businessName,
  first_name,
  previous_when_text,
  booking_url,
  ...details
}: BookingRescheduledData & { businessName: string }) {
  return (
    <Layout businessName={businessName} preview={`Booking ${details.booking_number} moved to ${details.when_text}`}>
      <Greeting firstName={first_name} />
      <Text>{`Your visit has moved. It was ${previous_when_text}; here are the new details:`}</Text>
      <Details {...details} />
      <ActionButton href={booking_url}>View your booking</ActionButton>
      <FallbackLink href={booking_url} />
    </Layout>
  )
}

export const bookingRescheduled = defineTemplate<BookingRescheduledData>({
  id: "booking-rescheduled",
  subject: (businessName, data) => `Booking ${data.booking_number} rescheduled: ${data.service_title} with ${businessName}`,
  fields: { ...detailFields, first_name: "optional-string", previous_when_text: "string", booking_url: "url" },
  Component: BookingRescheduledEmail,
})

export type BookingRescheduledOfficeData = BookingDetails & CustomerFields & { previous_when_text: string }

/** To the office: the old and the new time, so the schedule can be changed. */
export function BookingRescheduledOfficeEmail({
  businessName,
  previous_when_text,
  customer_name,
  customer_email,
  customer_phone,
  ...details
}: BookingRescheduledOfficeData & { businessName: string }) {
  return (
    <Layout businessName={businessName} preview={`${customer_name} moved booking ${details.booking_number}`}>
      <Text>{`${customer_name} rescheduled this booking in the ${businessName} customer portal.`}</Text>
      <Text style={{ margin: "0 0 4px" }}>
        <strong>Old time:</strong> {previous_when_text}
      </Text>
      <Text style={{ margin: "0 0 16px" }}>
        <strong>New time:</strong> {details.when_text}
      </Text>
      <Details {...details} />
      <CustomerLine customer_name={customer_name} customer_email={customer_email} customer_phone={customer_phone} />
    </Layout>
  )
}

export const bookingRescheduledOffice = defineTemplate<BookingRescheduledOfficeData>({
  id: "booking-rescheduled-office",
  subject: (_businessName, data) => `Portal reschedule ${data.booking_number}: ${data.service_title}, now ${data.when_text}`,
  fields: { ...detailFields, ...customerFields, previous_when_text: "string" },
  Component: BookingRescheduledOfficeEmail,
})
