import { Button, Input, Label, Text, toast, usePrompt } from "@medusajs/ui"
import { useMutation } from "@tanstack/react-query"
import { useState } from "react"
import { adminFetch } from "../../../../lib/bookings"
import { directoryName, useDirectory } from "../../../../lib/directory"
import { useDebounced } from "../../../../lib/use-debounced"
import { useBookingSaved } from "./use-booking-saved"
import type { AdminBooking, AdminBookingResponse as BookingResponse, AdminCustomerDirectoryItem, AdminLinkBookingCustomerBody } from "@fieldservice/contract"

/**
 * "Link to customer" on a guest booking: the directory's search, started with the booking's email,
 * so the customer it was made for is usually the first row.
 */
export function LinkCustomer({ booking }: { booking: AdminBooking }) {
  const prompt = usePrompt()
  const saved = useBookingSaved()
  const [text, setText] = useState(booking.email)
  const term = useDebounced(text.trim())
  const { data, isFetching } = useDirectory(new URLSearchParams({ ...(term && { q: term }), limit: "5" }).toString())
  const link = useMutation({
    mutationFn: (body: AdminLinkBookingCustomerBody) => adminFetch<BookingResponse>(`/admin/bookings/${booking.id}/customer`, { body }),
    onSuccess: async (response) => {
      toast.success(`Booking ${response.booking.booking_number} now belongs to ${response.booking.customer?.name ?? response.booking.customer?.email}`)
      await saved(response)
    },
    onError: (error: Error) => toast.error(error.message),
  })

  const choose = async (customer: AdminCustomerDirectoryItem) => {
    const confirmed = await prompt({
      title: `Link booking ${booking.booking_number} to ${directoryName(customer)}?`,
      description: `It was made with ${booking.email}. It will show on ${directoryName(customer)}'s customer page and in their portal.`,
      confirmText: "Link booking",
      variant: "confirmation",
      cancelText: "Cancel",
    })
    if (confirmed) link.mutate({ customer_id: customer.id })
  }

  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="booking-link-customer">
      <Label size="small" weight="plus" htmlFor="booking-link-customer-search">
        Link to customer
      </Label>
      <Input
        id="booking-link-customer-search"
        size="small"
        type="search"
        placeholder="Name, email, phone or postcode"
        value={text}
        onChange={(event) => setText(event.target.value)}
        data-testid="booking-link-customer-search"
      />
      {term.length > 0 && data && data.customers.length === 0 && !isFetching && (
        <Text size="small" className="text-ui-fg-subtle">
          No customer matches “{term}”.
        </Text>
      )}
      <ul className="flex flex-col gap-y-1">
        {(term ? (data?.customers ?? []) : []).map((customer) => (
          <li key={customer.id} className="flex items-center justify-between gap-x-2" data-testid="booking-link-customer-option" data-customer-id={customer.id}>
            <div className="flex min-w-0 flex-col">
              <Text size="small" weight="plus" className="truncate">
                {directoryName(customer)}
              </Text>
              <Text size="xsmall" className="text-ui-fg-subtle truncate">
                {customer.email}
              </Text>
            </div>
            <Button size="small" variant="secondary" disabled={link.isPending} onClick={() => choose(customer)} data-testid="booking-link-customer-choose">
              Link
            </Button>
          </li>
        ))}
      </ul>
    </div>
  )
}
