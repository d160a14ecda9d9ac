import { model } from "@medusajs/framework/utils"

export const EXPORT_STATUSES = ["pending", "ready", "failed", "expired"] as const
export type ExportStatus = (typeof EXPORT_STATUSES)[number]

export const EXPORT_REQUESTERS = ["customer", "staff"] as const
export type ExportRequester = (typeof EXPORT_REQUESTERS)[number]

/**
 * One "Download my data" request (GDPR articles 15 and 20): who asked, the ZIP once it is built
 * (a private file in the File module), and the emailed link's token, stored only as a SHA-256
 * hash. No personal data of the customer is kept here, so the log of requests survives an erasure.
 */
const DataExport = model
  .define("data_export", {
    id: model.id({ prefix: "dexp" }).primaryKey(),
    customer_id: model.text(),
    requested_by: model.enum([...EXPORT_REQUESTERS]),
    /** The staff user's id or the customer's id. */
    requested_by_id: model.text().nullable(),
    /** The staff member's email (where their link goes); null when the customer asked. */
    staff_email: model.text().nullable(),
    status: model.enum([...EXPORT_STATUSES]).default("pending"),
    /** The File module's key of the ZIP; null until it is built and once it has been deleted. */
    file_key: model.text().nullable(),
    file_size: model.number().nullable(),
    /** SHA-256 of the emailed link's token (customer requests): the link works once, until expires_at. */
    token_hash: model.text().unique().nullable(),
    expires_at: model.dateTime().nullable(),
    downloaded_at: model.dateTime().nullable(),
    completed_at: model.dateTime().nullable(),
    /** Why a failed export failed, for staff. */
    error: model.text().nullable(),
  })
  .indexes([{ on: ["customer_id", "created_at"] }, { on: ["status", "expires_at"] }])

export default DataExport
