// "New booking": staff book for a customer (on the phone) through the plugin's /admin/services,
// /admin/customers/:id/saved-cards, /admin/customers/:id/booking-price and POST /admin/bookings.

import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { postcodeProblem } from "@fieldservice/contract"
import { adminFetch } from "./sdk"
import { useDebounced } from "./use-debounced"
import type {
  AdminBookingPriceRequest,
  AdminBookingPriceResponse,
  AdminCreateBooking,
  AdminFreeWindowsResponse,
  AdminSavedCardListResponse,
  AdminServiceDetailResponse,
  AdminServiceListResponse,
  StoreBookingAddressInput,
} from "@fieldservice/contract"

/** How many days of windows one page of the time picker shows. */
export const WINDOW_PAGE_DAYS = 14

export const newBookingQueryKeys = {
  services: ["admin-services"] as const,
  service: (id: string) => ["admin-services", id] as const,
  windows: (id: string, from: string) => ["admin-services", id, "windows", from] as const,
  cards: (customerId: string) => ["customer-saved-cards", customerId] as const,
  price: (customerId: string, body: AdminBookingPriceRequest | null) => ["booking-price", customerId, body] as const,
}

export const useServices = () => useQuery({ queryKey: newBookingQueryKeys.services, queryFn: () => adminFetch<AdminServiceListResponse>("/admin/services") })

export const useService = (id: string) =>
  useQuery({ queryKey: newBookingQueryKeys.service(id), queryFn: () => adminFetch<AdminServiceDetailResponse>(`/admin/services/${id}`), enabled: !!id })

/** The service's windows with room from `from` (a day; empty for now), inside the customers' lead time too. */
export const useServiceWindows = (id: string, from: string) =>
  useQuery({
    queryKey: newBookingQueryKeys.windows(id, from),
    queryFn: () =>
      adminFetch<AdminFreeWindowsResponse>(
        `/admin/services/${id}/free-windows?${new URLSearchParams({ days: String(WINDOW_PAGE_DAYS), ...(from && { from }) })}`
      ),
    enabled: !!id,
    placeholderData: keepPreviousData,
  })

export const useSavedCards = (customerId: string) =>
  useQuery({
    queryKey: newBookingQueryKeys.cards(customerId),
    queryFn: () => adminFetch<AdminSavedCardListResponse>(`/admin/customers/${customerId}/saved-cards`),
    enabled: !!customerId,
  })

/** The booking's price once the choices it depends on are made (asked again when they change, after typing pauses). */
export function useBookingPrice(customerId: string, body: AdminBookingPriceRequest | null) {
  // Compared by value: the form builds a new body on every render.
  const key = useDebounced(body ? JSON.stringify(body) : "", 400)
  const settled = key ? (JSON.parse(key) as AdminBookingPriceRequest) : null
  return useQuery({
    queryKey: newBookingQueryKeys.price(customerId, settled),
    queryFn: () => adminFetch<AdminBookingPriceResponse>(`/admin/customers/${customerId}/booking-price`, { body: settled }),
    enabled: !!customerId && !!settled,
    retry: false,
  })
}

export const placeBooking = (body: AdminCreateBooking) => adminFetch<{ booking: { id: string; booking_number: string } }>("/admin/bookings", { body })

/** A new address typed in the form, once its postcode is one the API would take (to price it early). */
export function completeAddress(address: StoreBookingAddressInput): boolean {
  if (!address.address_1.trim() || !address.city.trim() || !address.postal_code.trim()) return false
  return !postcodeProblem(address.country_code, address.postal_code)
}
