import type { MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { AdminDataExport, DataExportStatus, StoreDataExport } from "@fieldservice/contract"
import type { ExportDownload } from "../../modules/data-requests"
import { sendStoredFile } from "./private-files"
import { isoDate, isoDateOrNull } from "../../utils/json-dates"

export const EXPORT_NOT_AVAILABLE =
  "This download link doesn't work any more. A link works once, for 7 days, for the account that asked for it. Ask for a new copy on My account."

type ExportRow = {
  id: string
  status: DataExportStatus
  requested_by: "customer" | "staff"
  created_at: Date | string
  completed_at?: Date | string | null
  expires_at?: Date | string | null
  downloaded_at?: Date | string | null
  file_size?: number | null
  error?: string | null
  staff_email?: string | null
}

/** An export as the portal and the admin show it (never the file's key or the token). */
export function presentExport(row: ExportRow, audience: "customer"): StoreDataExport
export function presentExport(row: ExportRow, audience: "staff"): AdminDataExport
export function presentExport(row: ExportRow, audience: "customer" | "staff"): StoreDataExport | AdminDataExport {
  return {
    id: row.id,
    status: row.status,
    requested_by: row.requested_by,
    requested_at: isoDate(row.created_at),
    completed_at: isoDateOrNull(row.completed_at),
    expires_at: isoDateOrNull(row.expires_at),
    downloaded_at: isoDateOrNull(row.downloaded_at),
    file_size: row.file_size ?? null,
    ...(audience === "staff" ? { error: row.error ?? null, requested_by_email: row.staff_email ?? null } : {}),
  }
}

/** Streams the ZIP from the File module as an attachment; 404 if storage no longer has it. */
export async function sendExportFile(scope: MedusaContainer, res: MedusaResponse, download: ExportDownload, name: string) {
  const day = new Date(download.completed_at).toISOString().slice(0, 10)
  await sendStoredFile(
    scope,
    res,
    {
      key: download.file_key,
      contentType: "application/zip",
      disposition: "attachment",
      filename: `${name}-${day}.zip`,
      size: download.file_size,
      cache: "no-store",
    },
    "The file is no longer there. Ask for a new copy."
  )
}
