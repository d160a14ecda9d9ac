import type { AdminCustomerImport } from "@fieldservice/contract"
import type { CustomerImportModuleService } from "../../../../modules/customer-import"
import { isoDate, isoDateOrNull } from "../../../../utils/json-dates"

type CustomerImportRecord = Awaited<ReturnType<CustomerImportModuleService["retrieveCustomerImport"]>>

/** An import job as the admin shows it. */
export function presentImport(job: CustomerImportRecord): AdminCustomerImport {
  return {
    id: job.id,
    status: job.status,
    filename: job.filename,
    file_size: job.file_size,
    update_existing: job.update_existing,
    actor: job.actor,
    total_rows: job.total_rows,
    processed_rows: job.processed_rows,
    created_count: job.created_count,
    updated_count: job.updated_count,
    skipped_count: job.skipped_count,
    rejected_count: job.rejected_count,
    error: job.error,
    created_at: isoDate(job.created_at),
    finished_at: isoDateOrNull(job.finished_at),
  }
}
