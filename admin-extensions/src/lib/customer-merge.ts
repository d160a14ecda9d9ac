// Merging duplicate customers, served by the plugin's /admin/crm/duplicates and /admin/crm/merges routes.

export type DuplicateCustomer = {
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
export type DuplicatePair = { primary: DuplicateCustomer; secondary: DuplicateCustomer; reasons: DuplicateReason[] }
export type DuplicatesResponse = { pairs: DuplicatePair[]; limit: number; next_cursor: string | null }

export type MergeCustomer = {
  id: string
  name: string | null
  email: string | null
  phone: string | null
  company_name: string | null
  created_at: string
  status: string
  login_methods: string[]
}

export type MergeCount = {
  kind: string
  label: string
  primary: number
  secondary: number
  moved: number
  dropped: number
  added: number
  after: number
}

export type MergeConflict = {
  field: string
  label: string
  primary: string | null
  secondary: string | null
  kept: "primary" | "secondary" | "both"
  note?: string
}

export type MergePreview = {
  primary: MergeCustomer
  secondary: MergeCustomer
  counts: MergeCount[]
  conflicts: MergeConflict[]
  warnings: string[]
}

/** GET /admin/crm/merges/preview?primary_id&secondary_id */
export type MergePreviewResponse = { preview: MergePreview }
/** POST /admin/crm/merges { primary_id, secondary_id } → 201 */
export type MergeResponse = { merge: MergePreview & { id: string } }

export const mergeQueryKeys = {
  duplicates: ["crm-duplicates"] as const,
  preview: (primaryId: string, secondaryId: string) => ["crm-merge-preview", primaryId, secondaryId] as const,
}

type Named = { first_name?: string | null; last_name?: string | null; email?: string | null; name?: string | null; id: string }

export const customerName = (customer: Named) =>
  customer.name || [customer.first_name, customer.last_name].filter(Boolean).join(" ") || customer.email || customer.id

/** "Same email: jo@example.com" */
export function describeReason(reason: DuplicateReason): string {
  switch (reason.kind) {
    case "email":
      return `Same email: ${reason.email}`
    case "phone":
      return reason.phones[0] === reason.phones[1] ? `Same phone: ${reason.phones[0]}` : `Same phone: ${reason.phones[0]} / ${reason.phones[1]}`
    case "name_address":
      return `Similar name at ${reason.address}: ${reason.names[0]} / ${reason.names[1]}`
  }
}

/** "12 Nov 2025" */
export const formatDay = (iso: string) => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" }).format(new Date(iso))
