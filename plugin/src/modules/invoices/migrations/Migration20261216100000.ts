import { Migration } from "@medusajs/framework/mikro-orm/migrations"

// Bill payers (issue #18 item 3): who pays a customer's (or a business profile's) invoices when it
// is not the customer, and each invoice's payer. Invoices made before were paid by their customer.
export class Migration20261216100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "bill_payer" ("id" text not null, "customer_id" text not null, "business_profile_id" text null, "payer_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "bill_payer_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bill_payer_deleted_at" ON "bill_payer" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bill_payer_customer_id" ON "bill_payer" ("customer_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bill_payer_payer_id" ON "bill_payer" ("payer_id") WHERE deleted_at IS NULL;`)
    // One payer per customer and per business profile (the customer's own row has no profile).
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_bill_payer_unique" ON "bill_payer" ("customer_id", COALESCE("business_profile_id", '')) WHERE deleted_at IS NULL;`
    )

    this.addSql(`alter table if exists "invoice" add column if not exists "payer_id" text null;`)
    this.addSql(`update "invoice" set "payer_id" = "customer_id" where "payer_id" is null;`)
    // The payer's portal list and statement: their invoices, newest first.
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_payer_id" ON "invoice" ("payer_id", "issued_at") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_invoice_payer_id";`)
    this.addSql(`alter table if exists "invoice" drop column if exists "payer_id";`)
    this.addSql(`drop table if exists "bill_payer" cascade;`)
  }
}
