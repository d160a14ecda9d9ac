// Repeat visits on the customer page and in "New booking": /admin/customers/:id/booking-series[/:series_id/…].

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  AdminBookingSeriesListResponse,
  AdminBookingSeriesResponse,
  StoreBookingSeries,
  StoreChangeBookingSeries,
  StoreCreateBookingSeries,
  StoreEndBookingSeries,
  StoreMoveSeriesVisit,
  StorePauseBookingSeries,
  StoreSkipSeriesVisit,
} from "@fieldservice/contract"
import { adminFetch } from "./sdk"

export const seriesQueryKeys = { customer: (customerId: string) => ["customer-booking-series", customerId] as const }

const seriesPath = (customerId: string, id?: string, action?: string) =>
  `/admin/customers/${customerId}/booking-series${id ? `/${id}` : ""}${action ? `/${action}` : ""}`

export const useCustomerSeries = (customerId: string) =>
  useQuery({
    queryKey: seriesQueryKeys.customer(customerId),
    queryFn: () => adminFetch<AdminBookingSeriesListResponse>(seriesPath(customerId)),
  })

export const createSeries = (customerId: string, body: StoreCreateBookingSeries) => adminFetch<AdminBookingSeriesResponse>(seriesPath(customerId), { body })

export type SeriesChange =
  | { action: "skip"; body: StoreSkipSeriesVisit }
  | { action: "move"; body: StoreMoveSeriesVisit }
  | { action: "change"; body: StoreChangeBookingSeries }
  | { action: "pause"; body: StorePauseBookingSeries }
  | { action: "end"; body: StoreEndBookingSeries }

/** A change to one series; the series list and the customer's bookings are read again after it. */
export function useSeriesChange(customerId: string, seriesId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (change: SeriesChange) => adminFetch<AdminBookingSeriesResponse>(seriesPath(customerId, seriesId, change.action), { body: change.body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: seriesQueryKeys.customer(customerId) })
      await queryClient.invalidateQueries({ queryKey: ["customer-bookings", customerId] })
    },
  })
}

/** "Every 2 weeks on Tuesday at 09:00". */
export const seriesRuleText = (series: Pick<StoreBookingSeries, "frequency_text" | "start_time">) => `${series.frequency_text} at ${series.start_time}`

export function seriesState(series: StoreBookingSeries): { label: string; color: "green" | "orange" | "grey" } {
  if (series.status === "ended") return { label: "Ended", color: "grey" }
  if (series.paused_now) return { label: "Paused", color: "orange" }
  return { label: "Active", color: "green" }
}
