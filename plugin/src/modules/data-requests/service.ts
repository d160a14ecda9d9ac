import { createHash, randomBytes } from "node:crypto"
import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { sqlManager } from "../../utils/sql-manager"
import DataErasure from "./models/data-erasure"
import DataExport from "./models/data-export"

/** How long an export's link (and its file) is kept: a week to download it. */
export const EXPORT_TTL_MS = 7 * 24 * 60 * 60 * 1000

/** A pending export not finished in this time died with its server. */
export const EXPORT_STALE_AFTER_MINUTES = 30

export const hashExportToken = (token: string) => createHash("sha256").update(token).digest("hex")

/** What a download needs: the file and its name. */
export type ExportDownload = { id: string; customer_id: string; file_key: string; file_size: number | null; completed_at: Date }

class DataRequestsModuleService extends MedusaService({ DataExport, DataErasure }) {
  /**
   * Marks a pending export ready with its file and a new link token (returned once, stored only
   * hashed). Null when the export is no longer pending (the customer's data was erased while it
   * was built): the caller then deletes the file.
   */
  @InjectManager()
  async completeExport(
    input: { id: string; file_key: string; file_size: number; with_token: boolean },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ token: string | null; expires_at: Date } | null> {
    const token = input.with_token ? randomBytes(32).toString("base64url") : null
    const expiresAt = new Date(Date.now() + EXPORT_TTL_MS)
    const [row] = await sqlManager(sharedContext).execute(
      `UPDATE data_export SET status = 'ready', file_key = ?, file_size = ?, token_hash = ?, expires_at = ?,
         completed_at = now(), updated_at = now()
       WHERE id = ? AND status = 'pending' AND deleted_at IS NULL RETURNING id`,
      [input.file_key, input.file_size, token ? hashExportToken(token) : null, expiresAt, input.id]
    )
    return row ? { token, expires_at: expiresAt } : null
  }

  /** The files an erasure still has to delete (none: null). */
  async setPendingFiles(erasureId: string, keys: string[]) {
    // A JSON array in a json column: the generated update's type only knows objects.
    await this.updateDataErasures({ id: erasureId, pending_file_keys: (keys.length ? keys : null) as unknown as Record<string, unknown> | null })
  }

  /** Records why an export could not be built (only while it is still pending). */
  @InjectManager()
  async failExport(id: string, error: string, @MedusaContext() sharedContext: Context = {}) {
    await sqlManager(sharedContext).execute(
      `UPDATE data_export SET status = 'failed', error = ?, completed_at = now(), updated_at = now()
       WHERE id = ? AND status = 'pending'`,
      [error.slice(0, 1000), id]
    )
  }

  /**
   * Uses up a customer's download link: their own export, the right token, ready, not used and
   * not expired. One statement, so two clicks on the same link can't both download. Null for
   * anything else (the route answers 404 whatever the reason).
   */
  @InjectManager()
  async consumeCustomerDownload(
    input: { id: string; customer_id: string; token: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ExportDownload | null> {
    const [row] = await sqlManager(sharedContext).execute(
      `UPDATE data_export SET downloaded_at = now(), updated_at = now()
       WHERE id = ? AND customer_id = ? AND token_hash = ? AND status = 'ready' AND downloaded_at IS NULL
         AND expires_at > now() AND file_key IS NOT NULL AND deleted_at IS NULL
       RETURNING id, customer_id, file_key, file_size, completed_at`,
      [input.id, input.customer_id, hashExportToken(input.token)]
    )
    return (row as ExportDownload | undefined) ?? null
  }

  /** A ready, unexpired export for staff (signed in to the admin); null otherwise. */
  @InjectManager()
  async findStaffDownload(id: string, @MedusaContext() sharedContext: Context = {}): Promise<ExportDownload | null> {
    const [row] = await sqlManager(sharedContext).execute(
      `SELECT id, customer_id, file_key, file_size, completed_at FROM data_export
       WHERE id = ? AND status = 'ready' AND expires_at > now() AND file_key IS NOT NULL AND deleted_at IS NULL`,
      [id]
    )
    return (row as ExportDownload | undefined) ?? null
  }

  /**
   * Expired exports lose their file and link; pending ones whose server stopped are marked
   * failed. Returns the File module keys to delete.
   */
  @InjectManager()
  async expireExports(@MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    const manager = sqlManager(sharedContext)
    await manager.execute(
      `UPDATE data_export SET status = 'failed', error = 'The server stopped while the file was being made. Request it again.',
         completed_at = now(), updated_at = now()
       WHERE status = 'pending' AND created_at < now() - make_interval(mins => ?) AND deleted_at IS NULL`,
      [EXPORT_STALE_AFTER_MINUTES]
    )
    const rows = await manager.execute(
      `UPDATE data_export AS e SET status = 'expired', file_key = NULL, token_hash = NULL, updated_at = now()
       FROM (SELECT id, file_key FROM data_export WHERE status = 'ready' AND expires_at <= now() FOR UPDATE) AS old
       WHERE e.id = old.id RETURNING old.file_key`
    )
    return rows.map((row) => row.file_key).filter((key): key is string => typeof key === "string")
  }
}

export default DataRequestsModuleService
