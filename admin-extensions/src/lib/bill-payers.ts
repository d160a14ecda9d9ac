// The customer page's "Bill payer" card: /admin/customers/:id/bill-payer (who pays the customer's
// and each business profile's invoices, and whom the customer pays for).

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { AdminBillPayersResponse, AdminSetBillPayerRequest } from "@fieldservice/contract"
import { activityQueryKeys } from "./activity"
import { billingCycleQueryKey } from "./billing-cycles"
import { adminFetch } from "./sdk"

export const billPayerQueryKey = (customerId: string) => ["admin-bill-payer", customerId] as const

export function useBillPayers(customerId: string) {
  return useQuery({
    queryKey: billPayerQueryKey(customerId),
    queryFn: () => adminFetch<AdminBillPayersResponse>(`/admin/customers/${customerId}/bill-payer`),
  })
}

/** Saves who pays; the card, the billing cycle's preview (its "To …") and the history read again. */
export function useSetBillPayer(customerId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: AdminSetBillPayerRequest) => adminFetch<AdminBillPayersResponse>(`/admin/customers/${customerId}/bill-payer`, { method: "POST", body }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: billPayerQueryKey(customerId) }),
        queryClient.invalidateQueries({ queryKey: billingCycleQueryKey(customerId) }),
        queryClient.invalidateQueries({ queryKey: activityQueryKeys.activity(customerId) }),
      ]),
  })
}
