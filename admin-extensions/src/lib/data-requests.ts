import type { DataExportStatus } from "@fieldservice/contract"

export const dataRequestsPath = (customerId: string) => `/admin/customers/${customerId}/data-requests`
/** Same origin as the admin, so the staff session's cookie goes with a plain link. */
export const exportDownloadPath = (exportId: string) => `/admin/data-exports/${exportId}/download`

export const dataRequestsQueryKey = (customerId: string) => ["data-requests", customerId] as const

export const EXPORT_STATUS: Record<DataExportStatus, { label: string; color: "orange" | "green" | "red" | "grey" }> = {
  pending: { label: "Being prepared", color: "orange" },
  ready: { label: "Ready", color: "green" },
  failed: { label: "Failed", color: "red" },
  expired: { label: "Expired", color: "grey" },
}
