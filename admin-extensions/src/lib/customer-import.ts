import { useQuery } from "@tanstack/react-query"
import { adminFetch, ApiError } from "./bookings"
import type { AdminCustomerImport as CustomerImport, AdminCustomerImportListResponse, AdminCustomerImportResponse } from "@fieldservice/contract"

export const TEMPLATE_URL = "/admin/crm/import-template"
export const rejectedRowsUrl = (id: string) => `/admin/crm/imports/${id}/rejected-rows`

export const importQueryKeys = {
  list: ["customer-imports"] as const,
  detail: (id: string) => ["customer-imports", id] as const,
}

/** One import, polled every second while it runs. */
export function useCustomerImport(id: string | null) {
  return useQuery({
    queryKey: importQueryKeys.detail(id ?? ""),
    queryFn: () => adminFetch<AdminCustomerImportResponse>(`/admin/crm/imports/${id}`),
    enabled: !!id,
    refetchInterval: (query) => (query.state.data?.import.status === "processing" ? 1000 : false),
  })
}

/** The latest imports; polled while one of them runs. */
export function useRecentImports() {
  return useQuery({
    queryKey: importQueryKeys.list,
    queryFn: () => adminFetch<AdminCustomerImportListResponse>("/admin/crm/imports?limit=10"),
    refetchInterval: (query) => (query.state.data?.imports.some((job) => job.status === "processing") ? 2000 : false),
  })
}

/** Uploads the file (multipart) and starts the import; the answer is the new job. */
export async function startImport(file: File, updateExisting: boolean): Promise<CustomerImport> {
  const form = new FormData()
  form.append("update_existing", updateExisting ? "true" : "false")
  form.append("file", file)
  const response = await fetch("/admin/crm/imports", { method: "POST", body: form, credentials: "include" })
  const payload = (await response.json().catch(() => null)) as (Partial<AdminCustomerImportResponse> & { message?: string; code?: string }) | null
  if (!response.ok || !payload?.import) {
    const message = (payload?.message ?? response.statusText ?? "The upload failed").replace(/^Invalid request: /, "")
    throw new ApiError(message, response.status, payload?.code ?? null)
  }
  return payload.import
}
