// Data requests (access and erasure): /store/customers/me/data-exports, /admin/customers/:id/data-requests,
// /data-exports and /erasure.

/** A request for the customer's data, as the portal shows it. */
export type StoreDataExport = {
  id: string
  status: "pending" | "ready" | "failed" | "expired"
  requested_by: "customer" | "staff"
  requested_at: string
  completed_at: string | null
  expires_at: string | null
  downloaded_at: string | null
  file_size: number | null
}
/** GET /store/customers/me/data-exports: the latest five, newest first. */
export type StoreDataExportListResponse = { data_exports: StoreDataExport[] }
/** POST /store/customers/me/data-exports (202) and GET /store/customers/me/data-exports/:id */
export type StoreDataExportResponse = { data_export: StoreDataExport }
// Data requests (GDPR access and erasure), served by the plugin's /admin/customers/:id/data-requests,
// /data-exports and /erasure routes and /admin/data-exports/:id/download.

export type DataExportStatus = "pending" | "ready" | "failed" | "expired"

export type AdminDataExport = {
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

export type AdminDataErasure = { id: string; erased_by: string | null; erased_at: string; summary: Record<string, number>; files_pending: number }

/** GET /admin/customers/:id/data-requests */
export type AdminDataRequestListResponse = { data_exports: AdminDataExport[]; erasures: AdminDataErasure[] }
/** POST /admin/customers/:id/data-exports → 202 */
export type AdminDataExportResponse = { data_export: AdminDataExport }
/** POST /admin/customers/:id/erasure `{ confirm_email }` */
export type AdminErasureResponse = {
  erasure: { id: string; files_deleted: number; files_pending: number; warnings: string[]; summary: Record<string, number> }
}
