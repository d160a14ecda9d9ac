import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * When the customer's oldest open invoice falls due (filled by refreshEntries, and for customers
 * invoiced already by the migration script directory-open-invoices), and indexes so every filter
 * and order reads a page off an index (docs/decisions/directory-filters.md): one per order and
 * direction carrying the status (and the dates filters test), so a page's walk and a capped count
 * read only the index. The INCLUDE and DESC NULLS LAST indexes are beyond the model's DSL, so they live here.
 */

export class Migration20261207090000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_directory_entry" add column if not exists "open_invoice_due_at" timestamptz null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_directory_entry_created_order" ON "customer_directory_entry" ("customer_created_at", "customer_id") INCLUDE ("status") WHERE deleted_at IS NULL;`);
    // Name is the default order: its index also carries the dates filters test.
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_directory_entry_name_order" ON "customer_directory_entry" ("sort_name", "customer_id") INCLUDE ("status", "last_booking_at", "next_booking_at", "open_invoice_due_at") WHERE deleted_at IS NULL;`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_customer_directory_entry_sort_name";`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_directory_entry_email_order" ON "customer_directory_entry" ("email", "customer_id") INCLUDE ("status") WHERE deleted_at IS NULL;`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_customer_directory_entry_email";`);
    // Both directions keep customers without a visit last, so each needs its own index.
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_directory_entry_last_booking_order" ON "customer_directory_entry" ("last_booking_at", "customer_id") INCLUDE ("status", "next_booking_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_directory_entry_last_booking_desc_order" ON "customer_directory_entry" ("last_booking_at" DESC NULLS LAST, "customer_id" DESC) INCLUDE ("status", "next_booking_at") WHERE deleted_at IS NULL;`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_customer_directory_entry_last_booking_at";`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_directory_entry_next_booking" ON "customer_directory_entry" ("next_booking_at") INCLUDE ("status") WHERE next_booking_at IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_customer_directory_entry_next_booking_at";`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_directory_entry_open_invoice_due" ON "customer_directory_entry" ("open_invoice_due_at") INCLUDE ("status") WHERE open_invoice_due_at IS NOT NULL AND deleted_at IS NULL;`);
    // Customers owing money in name order: "overdue, by name" walks these few instead of everyone.
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_directory_entry_owing_sort_name" ON "customer_directory_entry" ("sort_name", "customer_id") INCLUDE ("status", "open_invoice_due_at") WHERE open_invoice_due_at IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_directory_entry_next_booking_at" ON "customer_directory_entry" ("next_booking_at") WHERE next_booking_at IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_directory_entry_last_booking_at" ON "customer_directory_entry" ("last_booking_at") WHERE last_booking_at IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_directory_entry_email" ON "customer_directory_entry" ("email") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_directory_entry_sort_name" ON "customer_directory_entry" ("sort_name", "customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_customer_directory_entry_name_order";`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_customer_directory_entry_created_order";`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_customer_directory_entry_owing_sort_name";`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_customer_directory_entry_open_invoice_due";`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_customer_directory_entry_next_booking";`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_customer_directory_entry_last_booking_desc_order";`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_customer_directory_entry_last_booking_order";`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_customer_directory_entry_email_order";`);
    this.addSql(`alter table if exists "customer_directory_entry" drop column if exists "open_invoice_due_at";`);
  }

}
