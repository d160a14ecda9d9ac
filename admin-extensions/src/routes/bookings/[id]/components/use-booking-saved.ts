import { useQueryClient } from "@tanstack/react-query"
import { bookingQueryKeys } from "../../../../lib/bookings"
import type { AdminBookingResponse as BookingResponse } from "@fieldservice/contract"

/** Puts a changed booking (every change answers with the whole booking) into the caches. */
export function useBookingSaved() {
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
