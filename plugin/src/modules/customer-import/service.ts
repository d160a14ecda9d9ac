import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { sqlManager } from "../../utils/sql-manager"
import CustomerImport from "./models/customer-import"
import CustomerImportRejection from "./models/customer-import-rejection"

/**
 * A processing import writes its heartbeat after every batch (a batch takes well under a second
 * or two); one silent for this long died with its server.
 */
export const IMPORT_STALE_AFTER_SECONDS = 120

export const INTERRUPTED_MESSAGE =
  "The import stopped because the server restarted. The rows counted above were imported; upload the file again to import the rest (choose “update existing” so the imported ones are not skipped)."

class CustomerImportModuleService extends MedusaService({ CustomerImport, CustomerImportRejection }) {
  /**
   * Marks processing imports whose heartbeat stopped as failed, so they don't block new ones or
   * look alive. Returns the File module keys of their uploaded files, for the caller to remove.
   */
  @InjectManager()
  async failInterruptedImports(@MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    const rows = await sqlManager(sharedContext).execute(
      `UPDATE customer_import AS job SET status = 'failed', error = ?, finished_at = now(), updated_at = now(), file_key = NULL
       FROM (SELECT id, file_key FROM customer_import
             WHERE status = 'processing' AND deleted_at IS NULL
               AND coalesce(heartbeat_at, created_at) < now() - make_interval(secs => ?)
             FOR UPDATE) AS stale
       WHERE job.id = stale.id
       RETURNING stale.file_key`,
      [INTERRUPTED_MESSAGE, IMPORT_STALE_AFTER_SECONDS]
    )
    return rows.map((row) => row.file_key).filter((key): key is string => typeof key === "string")
  }

  /** Adds one batch's counts to the import and beats its heart, in one statement. */
  @InjectManager()
  async addProgress(
    id: string,
    counts: { processed: number; created: number; updated: number; skipped: number; rejected: number },
    @MedusaContext() sharedContext: Context = {}
  ) {
    await sqlManager(sharedContext).execute(
      `UPDATE customer_import SET processed_rows = processed_rows + ?, created_count = created_count + ?,
         updated_count = updated_count + ?, skipped_count = skipped_count + ?, rejected_count = rejected_count + ?,
         heartbeat_at = now(), updated_at = now()
       WHERE id = ?`,
      [counts.processed, counts.created, counts.updated, counts.skipped, counts.rejected, id]
    )
  }
}

export default CustomerImportModuleService
