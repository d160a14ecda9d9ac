import { Migration } from "@medusajs/framework/mikro-orm/migrations"

// The staff Invoices list's range filters and sorts (issue date, due date, amount, number).
export class Migration20261206200000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_issued_at" ON "invoice" ("issued_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_due_at" ON "invoice" ("due_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_total" ON "invoice" ("total") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_number_order" ON "invoice" ("number") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_invoice_issued_at";`)
    this.addSql(`DROP INDEX IF EXISTS "IDX_invoice_due_at";`)
    this.addSql(`DROP INDEX IF EXISTS "IDX_invoice_total";`)
    this.addSql(`DROP INDEX IF EXISTS "IDX_invoice_number_order";`)
  }
}
