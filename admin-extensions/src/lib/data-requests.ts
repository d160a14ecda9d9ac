// Data requests (GDPR access and erasure), served by the plugin's /admin/customers/:id/data-requests,
// /data-exports and /erasure routes and /admin/data-exports/:id/download.

export type DataExportStatus = "pending" | "ready" | "failed" | "expired"

export type DataExport = {
  id: string
  status: DataExportStatus
  requested_by: "customer" | "staff"
  requested_by_email: string | null
  requested_at: string
  completed_at: string | null
  expires_at: string | null
  downloaded_at: string | null
  file_size: number | null
  error: string | null
}

export type DataErasure = { id: string; erased_by: string | null; erased_at: string; summary: Record<string, number>; files_pending: number }

/** GET /admin/customers/:id/data-requests */
export type DataRequestsResponse = { data_exports: DataExport[]; erasures: DataErasure[] }
/** POST /admin/customers/:id/data-exports → 202 */
export type DataExportResponse = { data_export: DataExport }
/** POST /admin/customers/:id/erasure `{ confirm_email }` */
export type ErasureResponse = { erasure: { id: string; files_deleted: number; files_pending: number; warnings: string[]; summary: Record<string, number> } }

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
