// The customer page's "Billing cycle" card: /admin/customers/:id/billing-cycle (the cycle, its open
// period and the visits waiting: the preview) and …/bill-now.

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { AdminBillingCycleResponse, AdminBillNowResponse, BillingFrequency } from "@fieldservice/contract"
import { activityQueryKeys } from "./activity"
import { invoiceQueryKeys } from "./invoices"
import { adminFetch } from "./sdk"

export const billingCycleQueryKey = (customerId: string) => ["admin-billing-cycle", customerId] as const

export function useBillingCycle(customerId: string) {
  return useQuery({
    queryKey: billingCycleQueryKey(customerId),
    queryFn: () => adminFetch<AdminBillingCycleResponse>(`/admin/customers/${customerId}/billing-cycle`),
  })
}

export type BillingCycleForm = {
  business_profile_id: string | null
  frequency: BillingFrequency
  weekday?: number
  anchor_date?: string
  month_day?: number | "last"
}

/** After a change the card, the invoices and the history all read again. */
function useRefresh(customerId: string) {
  const queryClient = useQueryClient()
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: billingCycleQueryKey(customerId) }),
      queryClient.invalidateQueries({ queryKey: invoiceQueryKeys.all }),
      queryClient.invalidateQueries({ queryKey: activityQueryKeys.activity(customerId) }),
    ])
}

export function useSetBillingCycle(customerId: string) {
  const refresh = useRefresh(customerId)
  return useMutation({
    mutationFn: (body: BillingCycleForm) => adminFetch<AdminBillingCycleResponse>(`/admin/customers/${customerId}/billing-cycle`, { method: "POST", body }),
    onSuccess: refresh,
  })
}

export function useBillNow(customerId: string) {
  const refresh = useRefresh(customerId)
  return useMutation({
    mutationFn: () => adminFetch<AdminBillNowResponse>(`/admin/customers/${customerId}/billing-cycle/bill-now`, { method: "POST", body: {} }),
    onSuccess: refresh,
  })
}
