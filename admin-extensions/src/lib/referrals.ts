import type {
  AdminCustomerReferralsResponse,
  AdminReferralResponse,
  AdminReferralSettingsResponse,
  ReferralSettings,
  ReferralStatus,
} from "@fieldservice/contract"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { activityQueryKeys } from "./activity"
import { adminFetch } from "./sdk"

export const referralQueryKeys = {
  settings: ["referrals", "settings"] as const,
  customer: (customerId: string) => ["referrals", "customer", customerId] as const,
}

export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  signed_up: "Signed up",
  rewarded: "Rewarded",
  refused: "Refused",
  revoked: "Revoked",
}
export const REFERRAL_STATUS_COLORS: Record<ReferralStatus, "grey" | "green" | "red" | "orange"> = {
  signed_up: "grey",
  rewarded: "green",
  refused: "red",
  revoked: "orange",
}

export function useReferralSettings() {
  return useQuery({ queryKey: referralQueryKeys.settings, queryFn: () => adminFetch<AdminReferralSettingsResponse>("/admin/referrals/settings") })
}

export function useSaveReferralSettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: Partial<ReferralSettings>) => adminFetch<AdminReferralSettingsResponse>("/admin/referrals/settings", { method: "POST", body }),
    onSuccess: (response) => queryClient.setQueryData(referralQueryKeys.settings, response),
  })
}

export function useCustomerReferrals(customerId: string) {
  return useQuery({
    queryKey: referralQueryKeys.customer(customerId),
    queryFn: () => adminFetch<AdminCustomerReferralsResponse>(`/admin/customers/${customerId}/referrals`),
  })
}

export function useRevokeReferral(customerId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { referral_id: string; reason?: string }) =>
      adminFetch<AdminReferralResponse>(`/admin/customers/${customerId}/referrals/${input.referral_id}/revoke`, {
        method: "POST",
        body: input.reason ? { reason: input.reason } : {},
      }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ["referrals", "customer"] })
      queryClient.invalidateQueries({ queryKey: activityQueryKeys.activity(customerId) })
    },
  })
}
