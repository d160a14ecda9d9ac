// Merging duplicate customers: /admin/crm/duplicates, /admin/crm/merges[/preview].

// Merging duplicate customers, served by the plugin's /admin/crm/duplicates and /admin/crm/merges routes.

export type AdminDuplicateCustomer = {
  id: string
  first_name: string | null
  last_name: string | null
  email: string | null
  phone: string | null
  company_name: string | null
  created_at: string
}

export type DuplicateReason =
  | { kind: "email"; email: string }
  | { kind: "phone"; phones: [string, string] }
  | { kind: "name_address"; names: [string, string]; address: string; similarity: number }

/** GET /admin/crm/duplicates?limit&cursor → a page of suggested pairs (older customer as primary). */
export type AdminDuplicatePair = { primary: AdminDuplicateCustomer; secondary: AdminDuplicateCustomer; reasons: DuplicateReason[] }
export type AdminDuplicateListResponse = { pairs: AdminDuplicatePair[]; limit: number; next_cursor: string | null }

export type AdminMergeCustomer = {
  id: string
  name: string | null
  email: string | null
  phone: string | null
  company_name: string | null
  created_at: string
  status: string
  login_methods: string[]
}

export type AdminMergeCount = {
  kind: string
  label: string
  primary: number
  secondary: number
  moved: number
  dropped: number
  added: number
  after: number
}

export type AdminMergeConflict = {
  field: string
  label: string
  primary: string | null
  secondary: string | null
  kept: "primary" | "secondary" | "both"
  note?: string
}

export type AdminMergePreview = {
  primary: AdminMergeCustomer
  secondary: AdminMergeCustomer
  counts: AdminMergeCount[]
  conflicts: AdminMergeConflict[]
  warnings: string[]
}

/** GET /admin/crm/merges/preview?primary_id&secondary_id */
export type AdminMergePreviewResponse = { preview: AdminMergePreview }
/** POST /admin/crm/merges { primary_id, secondary_id } → 201 */
export type AdminMergeResponse = { merge: AdminMergePreview & { id: string } }

/** Where a merged customer went: the customer kept, who now holds all their records. */
export type AdminMergedCustomer = {
  id: string
  name: string | null
  email: string | null
  phone: string | null
  company_name: string | null
  created_at: string
  merged_at: string
  /** The staff member's email. */
  merged_by: string | null
  counts: AdminMergeCount[]
  merged_into: {
    id: string
    name: string | null
    email: string | null
    /** The kept customer was later deleted, or merged on into another (then its own merged page says where). */
    status: "active" | "deleted" | "merged"
  }
}
/** GET /admin/crm/merged-customers/:id: a merged customer's read-only record; 404 for one that was not merged. */
export type AdminMergedCustomerResponse = { merged_customer: AdminMergedCustomer }
