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
