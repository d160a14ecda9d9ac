// Automatic payment (issue #18 item 4): the customer page's card (/admin/customers/:id/automatic-payment)
// and the failed automatic payments list (/admin/automatic-payments).

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { AdminAutomaticPaymentResponse, AdminFailedAutomaticPaymentListResponse, AutomaticPaymentAttempt } from "@fieldservice/contract"
import { activityQueryKeys } from "./activity"
import { adminFetch } from "./sdk"

export const automaticPaymentQueryKey = (customerId: string) => ["admin-automatic-payment", customerId] as const

export function useAutomaticPayment(customerId: string) {
  return useQuery({
    queryKey: automaticPaymentQueryKey(customerId),
    queryFn: () => adminFetch<AdminAutomaticPaymentResponse>(`/admin/customers/${customerId}/automatic-payment`),
  })
}

/** Staff turn it off (only the customer turns it on); the card and the history read again. */
export function useTurnOffAutomaticPayment(customerId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () =>
      adminFetch<AdminAutomaticPaymentResponse>(`/admin/customers/${customerId}/automatic-payment`, { method: "POST", body: { enabled: false } }),
    onSuccess: (data) => {
      queryClient.setQueryData(automaticPaymentQueryKey(customerId), data)
      return queryClient.invalidateQueries({ queryKey: activityQueryKeys.activity(customerId) })
    },
  })
}

export function useFailedAutomaticPayments(query: string) {
  return useQuery({
    queryKey: ["admin-failed-automatic-payments", query],
    queryFn: () => adminFetch<AdminFailedAutomaticPaymentListResponse>(`/admin/automatic-payments?${query}`),
  })
}

/** "Failed, tries again 4 Mar 2027", "Failed, not tried again", "Paid", "Charging". */
export function attemptStatusText(attempt: AutomaticPaymentAttempt, formatDay: (iso: string) => string): string {
  if (attempt.status === "succeeded") return "Paid"
  if (attempt.status === "charging") return "Charging"
  return attempt.next_retry_at ? `Failed, tries again ${formatDay(attempt.next_retry_at)}` : "Failed, not tried again"
}
