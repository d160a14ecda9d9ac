import type { BulkTable } from "../../utils/bulk-insert"

export type NewErasure = {
  id: string
  customer_id: string
  actor: string | null
  actor_id: string | null
  summary: Record<string, number>
  pending_file_keys: string[] | null
}

/** The erasure record, written inside the erasure's own transaction (see workflows/data-requests). */
export const ERASURE_TABLE: BulkTable<NewErasure> = {
  table: "data_erasure",
  columns: { id: "text", customer_id: "text", actor: "text", actor_id: "text", summary: "jsonb", pending_file_keys: "jsonb" },
  newRow: (erasure) => erasure,
}
