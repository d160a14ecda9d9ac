// Customer imports: /admin/crm/imports[/:id[/rejected-rows]].

export type AdminCustomerImport = {
  id: string
  status: "processing" | "completed" | "failed"
  filename: string
  file_size: number | null
  update_existing: boolean
  actor: string | null
  total_rows: number
  processed_rows: number
  created_count: number
  updated_count: number
  skipped_count: number
  rejected_count: number
  error: string | null
  created_at: string
  finished_at: string | null
}
/** GET /admin/crm/imports/:id, and POST /admin/crm/imports (202) with the new job. */
export type AdminCustomerImportResponse = { import: AdminCustomerImport }
export type AdminCustomerImportListResponse = { imports: AdminCustomerImport[]; count: number; limit: number; offset: number }
