import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261207213000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "gift_voucher" ("id" text not null, "kind" text check ("kind" in ('amount', 'services')) not null, "currency_code" text not null, "value" numeric not null, "raw_value" jsonb not null, "services" jsonb null, "buyer_customer_id" text null, "holder_customer_id" text null, "recipient_name" text not null, "recipient_email" text not null, "message" text null, "deliver_on" text not null, "delivered_at" timestamptz null, "order_id" text null, "line_item_id" text null, "gift_card_id" text null, "idempotency_key" text null, "disabled_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "gift_voucher_pkey" primary key ("id"));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_gift_voucher_deleted_at" ON "gift_voucher" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_gift_voucher_buyer_customer_id_created_at" ON "gift_voucher" ("buyer_customer_id", "created_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_gift_voucher_holder_customer_id" ON "gift_voucher" ("holder_customer_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_gift_voucher_deliver_on" ON "gift_voucher" ("deliver_on") WHERE deleted_at IS NULL AND delivered_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_gift_voucher_gift_card_id_unique" ON "gift_voucher" ("gift_card_id") WHERE deleted_at IS NULL AND gift_card_id IS NOT NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_gift_voucher_line_item_id_unique" ON "gift_voucher" ("line_item_id") WHERE deleted_at IS NULL AND line_item_id IS NOT NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_gift_voucher_buyer_customer_id_idempotency_key_unique" ON "gift_voucher" ("buyer_customer_id", "idempotency_key") WHERE deleted_at IS NULL AND idempotency_key IS NOT NULL;`)

    this.addSql(`create table if not exists "gift_voucher_settings" ("id" text not null, "enabled" boolean not null default true, "amounts" jsonb not null default '[25,50,100]', "min_amount" integer not null default 10, "max_amount" integer not null default 500, "validity_months" integer not null default 12, "service_ids" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "gift_voucher_settings_pkey" primary key ("id"));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_gift_voucher_settings_deleted_at" ON "gift_voucher_settings" ("deleted_at") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "gift_voucher" cascade;`)
    this.addSql(`drop table if exists "gift_voucher_settings" cascade;`)
  }
}
