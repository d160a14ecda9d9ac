// Gift vouchers for staff: /admin/gift-vouchers (list, one, issue, change) and Settings → Gift vouchers.

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import {
  type AdminGiftVoucherListResponse,
  type AdminGiftVoucherResponse,
  type AdminGiftVoucherSettingsResponse,
  GIFT_VOUCHER_STATUSES,
  type GiftVoucherSettings,
  type GiftVoucherStatus,
} from "@fieldservice/contract"
import { activityQueryKeys } from "./activity"
import { adminFetch } from "./sdk"

export const giftVoucherQueryKeys = {
  all: ["admin-gift-vouchers"] as const,
  list: (query: string) => ["admin-gift-vouchers", "list", query] as const,
  detail: (id: string) => ["admin-gift-vouchers", "detail", id] as const,
  settings: ["admin-gift-voucher-settings"] as const,
}

export const GIFT_VOUCHER_STATUS_COLORS: Record<GiftVoucherStatus, "grey" | "blue" | "green" | "orange" | "red"> = {
  scheduled: "blue",
  active: "green",
  used: "grey",
  expired: "orange",
  disabled: "red",
}

export const GIFT_VOUCHER_KIND_LABELS = { amount: "Amount", services: "Services" } as const

/** The filters the list understands, as the address holds them. */
export function giftVoucherFilterQuery(params: URLSearchParams): URLSearchParams {
  const filters = new URLSearchParams()
  for (const key of ["status", "kind", "q", "customer_id"]) {
    const value = params.get(key)?.trim()
    if (!value) continue
    if (key === "status" && !(GIFT_VOUCHER_STATUSES as readonly string[]).includes(value)) continue
    if (key === "kind" && value !== "amount" && value !== "services") continue
    filters.set(key, value)
  }
  return filters
}

export function useGiftVoucherList(query: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: giftVoucherQueryKeys.list(query),
    queryFn: () => adminFetch<AdminGiftVoucherListResponse>(`/admin/gift-vouchers?${query}`),
    placeholderData: (previous) => previous,
    enabled: options.enabled ?? true,
  })
}

export function useGiftVoucher(id: string) {
  return useQuery({ queryKey: giftVoucherQueryKeys.detail(id), queryFn: () => adminFetch<AdminGiftVoucherResponse>(`/admin/gift-vouchers/${id}`) })
}

/** After a change: the voucher's page, the lists and the histories of the customers it names. */
function useRefresh() {
  const queryClient = useQueryClient()
  return (response: AdminGiftVoucherResponse) => {
    const voucher = response.gift_voucher
    queryClient.setQueryData(giftVoucherQueryKeys.detail(voucher.id), response)
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: ["admin-gift-vouchers", "list"] }),
      ...[voucher.buyer?.id, voucher.holder?.id]
        .filter((id): id is string => !!id)
        .map((id) => queryClient.invalidateQueries({ queryKey: activityQueryKeys.activity(id) })),
    ])
  }
}

export type IssueGiftVoucherBody = { amount: number; recipient_name: string; recipient_email: string; message: string | null; customer_id: string | null }

export function useIssueGiftVoucher() {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (body: IssueGiftVoucherBody) => adminFetch<AdminGiftVoucherResponse>("/admin/gift-vouchers", { method: "POST", body }),
    onSuccess: refresh,
  })
}

export type UpdateGiftVoucherBody = { expires_on?: string; disabled?: boolean; note?: string | null }

export function useUpdateGiftVoucher(id: string) {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (body: UpdateGiftVoucherBody) => adminFetch<AdminGiftVoucherResponse>(`/admin/gift-vouchers/${id}`, { method: "POST", body }),
    onSuccess: refresh,
  })
}

export function useGiftVoucherSettings() {
  return useQuery({
    queryKey: giftVoucherQueryKeys.settings,
    queryFn: () => adminFetch<AdminGiftVoucherSettingsResponse>("/admin/gift-vouchers/settings"),
  })
}

export function useSaveGiftVoucherSettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: Partial<GiftVoucherSettings>) => adminFetch<AdminGiftVoucherSettingsResponse>("/admin/gift-vouchers/settings", { method: "POST", body }),
    onSuccess: (response) => queryClient.setQueryData(giftVoucherQueryKeys.settings, response),
  })
}
