import { model } from "@medusajs/framework/utils"

/**
 * One customer as the staff directory lists, searches and filters them: a read model kept in
 * step with the customer, profile, contact methods, business profiles, custom-field values and
 * bookings by `refreshEntries` (see service.ts). Never edited by hand.
 *
 * The migrations add what the DSL can't say: the trigram index on `search_text`, GIN indexes on
 * `tags` and `custom_values`, the "C" collation on `sort_name` so one b-tree serves both
 * ordering and prefix search, and an index per sort order (docs/decisions/directory-filters.md).
 */
const DirectoryEntry = model
  .define("customer_directory_entry", {
    id: model.id({ prefix: "cdir" }).primaryKey(),
    customer_id: model.text().unique(),
    first_name: model.text().nullable(),
    last_name: model.text().nullable(),
    email: model.text(),
    phone: model.text().nullable(),
    company_name: model.text().nullable(),
    /** The names of the customer's business profiles, "; "-joined. */
    business_names: model.text().nullable(),
    kind: model.text().default("personal"),
    /** active | blocked | archived | deleted (the customer is soft-deleted). */
    status: model.text().default("active"),
    tags: model.array().default([]),
    /** Custom-field values by the field's key, as stored (string, number, boolean, "YYYY-MM-DD"). */
    custom_values: model.json().default({}),
    /** Lower-cased names, emails, business names, postcodes and phone numbers in national and international digits. */
    search_text: model.text(),
    /** Last name then first name (or company, or email), lower-cased: the directory's name order. */
    sort_name: model.text(),
    has_account: model.boolean().default(false),
    customer_created_at: model.dateTime(),
    customer_deleted_at: model.dateTime().nullable(),
    /** The start of the latest visit done or over, and of the next open one not yet over (cancelled visits left out). */
    last_booking_at: model.dateTime().nullable(),
    next_booking_at: model.dateTime().nullable(),
    booking_count: model.number().default(0),
    /** When the oldest invoice still owed (issued or part paid) falls due: overdue once that has passed. */
    open_invoice_due_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["status", "customer_created_at"] }])

export default DirectoryEntry
