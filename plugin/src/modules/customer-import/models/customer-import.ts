import { model } from "@medusajs/framework/utils"
import CustomerImportRejection from "./customer-import-rejection"

export const IMPORT_STATUSES = ["processing", "completed", "failed"] as const
export type ImportStatus = (typeof IMPORT_STATUSES)[number]

/**
 * One CSV import of customers: the uploaded file (kept in the File module while it runs), what
 * staff chose, the progress, and the final counts. Rejected rows are kept beside it.
 */
const CustomerImport = model
  .define("customer_import", {
    id: model.id({ prefix: "cimp" }).primaryKey(),
    status: model.enum([...IMPORT_STATUSES]).default("processing"),
    filename: model.text(),
    /** The File module's key of the uploaded file; null once it has been removed. */
    file_key: model.text().nullable(),
    file_size: model.number().nullable(),
    /** true: customers whose email already exists are updated; false: their rows are skipped. */
    update_existing: model.boolean().default(false),
    /** The staff member who started it: their email (shown, and the activity lines' actor) and user id. */
    actor: model.text().nullable(),
    actor_id: model.text().nullable(),
    /** The file's header row as it was written, for the rejected-rows download. */
    header: model.json().nullable(),
    /** Customer rows in the file (counted when it was uploaded). */
    total_rows: model.number().default(0),
    processed_rows: model.number().default(0),
    created_count: model.number().default(0),
    updated_count: model.number().default(0),
    skipped_count: model.number().default(0),
    rejected_count: model.number().default(0),
    /** Why the import stopped, for a failed one. */
    error: model.text().nullable(),
    /** Written after every batch: a processing import whose heartbeat stops was interrupted (the server stopped). */
    heartbeat_at: model.dateTime().nullable(),
    finished_at: model.dateTime().nullable(),
    rejections: model.hasMany(() => CustomerImportRejection, { mappedBy: "customer_import" }),
  })
  .indexes([{ on: ["created_at"] }, { on: ["status"] }])

export default CustomerImport
