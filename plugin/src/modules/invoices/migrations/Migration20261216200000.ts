import { Migration } from "@medusajs/framework/mikro-orm/migrations"

// Automatic payment of invoices (issue #18 item 4): each customer's consent, and each charge attempt.
export class Migration20261216200000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "automatic_payment" ("id" text not null, "customer_id" text not null, "enabled" boolean not null default false, "consented_at" timestamptz null, "consented_by" jsonb null, "consented_card" text null, "turned_off_at" timestamptz null, "turned_off_by" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "automatic_payment_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_automatic_payment_deleted_at" ON "automatic_payment" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_automatic_payment_customer_id_unique" ON "automatic_payment" ("customer_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `create table if not exists "automatic_payment_attempt" ("id" text not null, "invoice_id" text not null, "customer_id" text not null, "attempt" integer not null, "status" text check ("status" in ('charging', 'succeeded', 'failed')) not null default 'charging', "idempotency_key" text not null, "checkout_id" text null, "amount" numeric null, "currency_code" text null, "card" jsonb null, "message" text null, "next_retry_at" timestamptz null, "attempted_at" timestamptz not null, "completed_at" timestamptz null, "raw_amount" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "automatic_payment_attempt_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_automatic_payment_attempt_deleted_at" ON "automatic_payment_attempt" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_automatic_payment_attempt_invoice_id_attempt_unique" ON "automatic_payment_attempt" ("invoice_id", "attempt") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_automatic_payment_attempt_customer_id_attempted_at" ON "automatic_payment_attempt" ("customer_id", "attempted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_automatic_payment_attempt_status_attempted_at" ON "automatic_payment_attempt" ("status", "attempted_at") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "automatic_payment_attempt" cascade;`)
    this.addSql(`drop table if exists "automatic_payment" cascade;`)
  }
}
