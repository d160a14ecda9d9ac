import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261220143000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "referral" ("id" text not null, "referrer_customer_id" text not null, "referred_customer_id" text not null, "code" text not null, "status" text check ("status" in ('signed_up', 'rewarded', 'refused', 'revoked')) not null default 'signed_up', "reason" text null, "reward_amount" numeric null, "raw_reward_amount" jsonb null, "currency_code" text null, "store_credit_account_id" text null, "transaction_id" text null, "revoke_transaction_id" text null, "promotion_id" text null, "welcome_booking_id" text null, "rewarded_at" timestamptz null, "revoked_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "referral_pkey" primary key ("id"));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_deleted_at" ON "referral" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_referral_referred_customer_id_unique" ON "referral" ("referred_customer_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_referrer_customer_id_created_at" ON "referral" ("referrer_customer_id", "created_at") WHERE deleted_at IS NULL;`)

    this.addSql(`create table if not exists "referral_code" ("id" text not null, "customer_id" text not null, "code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "referral_code_pkey" primary key ("id"));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_code_deleted_at" ON "referral_code" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_referral_code_customer_id_unique" ON "referral_code" ("customer_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_referral_code_code_unique" ON "referral_code" ("code") WHERE deleted_at IS NULL;`)

    this.addSql(`create table if not exists "referral_settings" ("id" text not null, "enabled" boolean not null default true, "welcome_discount_type" text check ("welcome_discount_type" in ('percentage', 'amount')) not null default 'percentage', "welcome_discount_value" numeric not null, "raw_welcome_discount_value" jsonb not null, "reward_amount" numeric not null, "raw_reward_amount" jsonb not null, "currency_code" text not null default 'gbp', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "referral_settings_pkey" primary key ("id"));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_settings_deleted_at" ON "referral_settings" ("deleted_at") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "referral" cascade;`)
    this.addSql(`drop table if exists "referral_code" cascade;`)
    this.addSql(`drop table if exists "referral_settings" cascade;`)
  }
}
