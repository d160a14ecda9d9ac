import type { AdminRatingSettingsResponse, AdminRatingsResponse, RatingSettings, RatingsReportQuery, RatingsReportResponse } from "@fieldservice/contract"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { adminFetch } from "./sdk"

export const ratingQueryKeys = {
  settings: ["ratings", "settings"] as const,
  report: (filters: RatingsReportQuery) => ["ratings", "report", filters] as const,
  list: (filters: Record<string, string>) => ["ratings", "list", filters] as const,
}

/** The report's filters as a query string (empty ones left out), shared by the report and its CSV. */
export const reportQueryString = (filters: RatingsReportQuery) =>
  new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== "")).toString()

export function useRatingSettings() {
  return useQuery({ queryKey: ratingQueryKeys.settings, queryFn: () => adminFetch<AdminRatingSettingsResponse>("/admin/ratings/settings") })
}

export function useSaveRatingSettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: Partial<RatingSettings>) => adminFetch<AdminRatingSettingsResponse>("/admin/ratings/settings", { method: "POST", body }),
    onSuccess: (response) => queryClient.setQueryData(ratingQueryKeys.settings, response),
  })
}

export function useRatingsReport(filters: RatingsReportQuery) {
  return useQuery({
    queryKey: ratingQueryKeys.report(filters),
    queryFn: () => adminFetch<RatingsReportResponse>(`/admin/ratings/report?${reportQueryString(filters)}`),
  })
}

/** The ratings of one customer, booking or fieldworker, newest first. */
export function useRatings(filters: { customer_id?: string; booking_id?: string; fieldworker_id?: string }) {
  const query = Object.fromEntries(Object.entries(filters).filter(([, value]) => !!value)) as Record<string, string>
  return useQuery({
    queryKey: ratingQueryKeys.list(query),
    queryFn: () => adminFetch<AdminRatingsResponse>(`/admin/ratings?${new URLSearchParams({ ...query, limit: "20" })}`),
  })
}

export const starsText = (stars: number) => `${"★".repeat(stars)}${"☆".repeat(5 - stars)}`
