import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261210120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "invoice_checkout" ("id" text not null, "customer_id" text not null, "idempotency_key" text not null, "allocations" jsonb not null, "amount" numeric not null, "currency_code" text not null, "status" text check ("status" in ('pending', 'requires_action', 'succeeded', 'failed')) not null default 'pending', "payment_collection_id" text null, "payment_session_id" text null, "payment_intent_id" text null, "card" jsonb null, "note" text null, "completed_at" timestamptz null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "invoice_checkout_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_checkout_deleted_at" ON "invoice_checkout" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_invoice_checkout_customer_id_idempotency_key_unique" ON "invoice_checkout" ("customer_id", "idempotency_key") WHERE deleted_at IS NULL;`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_checkout_payment_intent_id" ON "invoice_checkout" ("payment_intent_id") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "invoice_checkout" cascade;`)
  }
}
