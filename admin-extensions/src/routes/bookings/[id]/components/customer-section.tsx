import { Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { LinkCustomer } from "./link-customer"
import type { AdminBooking } from "@fieldservice/contract"

export function CustomerSection({ booking }: { booking: AdminBooking }) {
  const customer = booking.customer
  return (
    <Container className="divide-y p-0" data-testid="booking-customer">
      <div className="px-6 py-4">
        <Heading level="h2">Customer</Heading>
      </div>
      {customer ? (
        <div className="flex flex-col gap-y-1 px-6 py-4">
          <Link
            to={`/customers/${customer.id}`}
            className="txt-compact-small-plus text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
            data-testid="booking-customer-link"
          >
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
        <>
          <Text size="small" className="text-ui-fg-subtle px-6 py-4" data-testid="booking-guest">
            A guest booking made with {booking.email}, not linked to a customer.
          </Text>
          <LinkCustomer booking={booking} />
        </>
      )}
    </Container>
  )
}
