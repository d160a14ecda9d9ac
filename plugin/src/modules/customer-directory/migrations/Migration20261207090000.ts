import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * When the customer's oldest open invoice falls due (filled by refreshEntries, and for customers
 * invoiced already by the migration script directory-open-invoices), and an index for each of the
 * directory's orders, so a page is read off an index in that order however few rows a filter keeps
 * (docs/decisions/directory-filters.md).
 */

export class Migration20261207090000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_directory_entry" add column if not exists "open_invoice_due_at" timestamptz null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_directory_entry_open_invoice_due_at" ON "customer_directory_entry" ("open_invoice_due_at") WHERE open_invoice_due_at IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_directory_entry_customer_created_at_customer_id" ON "customer_directory_entry" ("customer_created_at", "customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_directory_entry_email_customer_id" ON "customer_directory_entry" ("email", "customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_customer_directory_entry_email";`);
    // Both directions keep customers without a visit last, so each needs its own index.
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_directory_entry_last_booking_at_customer_id" ON "customer_directory_entry" ("last_booking_at", "customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_directory_entry_last_booking_desc_order" ON "customer_directory_entry" ("last_booking_at" DESC NULLS LAST, "customer_id" DESC) WHERE deleted_at IS NULL;`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_customer_directory_entry_last_booking_at";`);
  }

  override async down(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_directory_entry_last_booking_at" ON "customer_directory_entry" ("last_booking_at") WHERE last_booking_at IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_directory_entry_email" ON "customer_directory_entry" ("email") WHERE deleted_at IS NULL;`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_customer_directory_entry_last_booking_desc_order";`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_customer_directory_entry_last_booking_at_customer_id";`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_customer_directory_entry_email_customer_id";`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_customer_directory_entry_customer_created_at_customer_id";`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_customer_directory_entry_open_invoice_due_at";`);
    this.addSql(`alter table if exists "customer_directory_entry" drop column if exists "open_invoice_due_at";`);
  }

}
