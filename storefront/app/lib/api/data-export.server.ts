import { apiDownload, apiFetch } from "~/lib/api/api.server"
import type { StoreDataExport as DataExport, StoreDataExportListResponse, StoreDataExportResponse } from "@fieldservice/contract"

/** "Download my data": the file is made in the background and its link emailed. */
export async function requestMyData(token: string): Promise<DataExport> {
  const { data_export } = await apiFetch<StoreDataExportResponse>("/store/customers/me/data-exports", { method: "POST", token, body: {} })
  return data_export
}

export async function listMyDataExports(token: string): Promise<DataExport[]> {
  const { data_exports } = await apiFetch<Partial<StoreDataExportListResponse>>("/store/customers/me/data-exports", { token })
  return Array.isArray(data_exports) ? data_exports : []
}

/** One of the customer's own requests; throws ApiError 404 for anyone else's. */
export async function getMyDataExport(token: string, id: string): Promise<DataExport> {
  const { data_export } = await apiFetch<StoreDataExportResponse>(`/store/customers/me/data-exports/${encodeURIComponent(id)}`, { token })
  return data_export
}

/** The ZIP behind the emailed link (works once, for the customer who asked); the backend's answer as it is. */
export function downloadMyData(token: string, id: string, linkToken: string): Promise<Response> {
  return apiDownload("/store/data-exports/download", token, { export: id, token: linkToken })
}
