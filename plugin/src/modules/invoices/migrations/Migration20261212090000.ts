import { Migration } from "@medusajs/framework/mikro-orm/migrations"

// The staff Invoices list, newest first, under a status, overdue or amount filter: the walk down
// creation dates reads only this index (it carries what those filters test and the id tie-break),
// instead of reading each skipped invoice from the table (docs/decisions/invoice-list.md).
export class Migration20261212090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_invoice_created_order" ON "invoice" ("created_at", "id") INCLUDE ("status", "due_at", "total") WHERE deleted_at IS NULL;`
    )
    this.addSql(`DROP INDEX IF EXISTS "IDX_invoice_created_at";`)
  }

  override async down(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_created_at" ON "invoice" ("created_at") WHERE deleted_at IS NULL;`)
    this.addSql(`DROP INDEX IF EXISTS "IDX_invoice_created_order";`)
  }
}
