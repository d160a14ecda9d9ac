import { z } from "@medusajs/framework/zod"

/** An import job as the admin shows it. */
export function presentImport(job: Record<string, unknown>) {
  const {
    id,
    status,
    filename,
    file_size,
    update_existing,
    actor,
    total_rows,
    processed_rows,
    created_count,
    updated_count,
    skipped_count,
    rejected_count,
    error,
    created_at,
    finished_at,
  } = job
  return {
    id,
    status,
    filename,
    file_size,
    update_existing,
    actor,
    total_rows,
    processed_rows,
    created_count,
    updated_count,
    skipped_count,
    rejected_count,
    error,
    created_at,
    finished_at,
  }
}

export const CustomerImportList = z.object({
  limit: z.coerce.number({ error: "limit must be a number" }).int().min(1).max(100).default(10),
  offset: z.coerce.number({ error: "offset must be a number" }).int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
})
export type CustomerImportListType = z.infer<typeof CustomerImportList>
