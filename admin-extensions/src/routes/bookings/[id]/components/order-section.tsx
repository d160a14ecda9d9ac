import { ArrowUpRightOnBox } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { formatMoney } from "../../../../lib/bookings"
import type { AdminBooking } from "@fieldservice/contract"

export function OrderSection({ booking }: { booking: AdminBooking }) {
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
