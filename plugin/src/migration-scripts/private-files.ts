import path from "node:path"
import type { IFileModuleService, Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { storedFileType } from "../utils/stored-file-type"

/** Every column pair that names a customer's stored file, and the type to fall back on. */
const FILE_COLUMNS = [
  { table: "customer_profile", id: "picture_file_id", url: "picture_url" },
  { table: "dependent", id: "photo_file_id", url: "photo_url" },
  { table: "booking_attachment", id: "file_id", url: "url" },
] as const

/**
 * Before private files, pictures, photos and booking files were stored public (served at
 * /static or a public bucket URL). Runs once, on the first `db:migrate` after upgrading: each
 * file is copied to private storage, its row pointed at the copy, and the public one deleted.
 * A file storage no longer has is left as it is and logged.
 */
export default async function privateFiles({ container }: { container: MedusaContainer }) {
  const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const files: IFileModuleService = container.resolve(Modules.FILE)
  const logger: Logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  let moved = 0
  for (const column of FILE_COLUMNS) {
    const rows: { id: string; file_id: string }[] = (
      await db.raw(`SELECT id, ${column.id} AS file_id FROM ${column.table} WHERE ${column.id} IS NOT NULL AND ${column.id} NOT LIKE 'private-%'`)
    ).rows
    for (const row of rows) {
      let content: Buffer
      try {
        content = await files.getAsBuffer(row.file_id)
      } catch {
        logger.warn(`Private files: ${column.table} ${row.id} names file ${row.file_id}, which storage no longer has`)
        continue
      }
      const base = path.basename(row.file_id)
      const [copy] = await files.createFiles([
        {
          filename: base,
          mimeType: storedFileType(base),
          content: content.toString("base64"),
          access: "private",
        },
      ])
      await db.raw(`UPDATE ${column.table} SET ${column.id} = ?, ${column.url} = ? WHERE id = ?`, [copy.id, copy.url, row.id])
      await files.deleteFiles(row.file_id).catch(() => undefined)
      moved += 1
    }
  }
  if (moved) logger.info(`Private files: ${moved} stored files moved out of public storage`)
}
