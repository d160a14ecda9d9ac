import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205233558 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "data_export" drop constraint if exists "data_export_token_hash_unique";`);
    this.addSql(`create table if not exists "data_erasure" ("id" text not null, "customer_id" text not null, "actor" text null, "actor_id" text null, "summary" jsonb not null, "pending_file_keys" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "data_erasure_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_data_erasure_deleted_at" ON "data_erasure" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_data_erasure_customer_id" ON "data_erasure" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "data_export" ("id" text not null, "customer_id" text not null, "requested_by" text check ("requested_by" in ('customer', 'staff')) not null, "requested_by_id" text null, "staff_email" text null, "status" text check ("status" in ('pending', 'ready', 'failed', 'expired')) not null default 'pending', "file_key" text null, "file_size" integer null, "token_hash" text null, "expires_at" timestamptz null, "downloaded_at" timestamptz null, "completed_at" timestamptz null, "error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "data_export_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_data_export_token_hash_unique" ON "data_export" ("token_hash") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_data_export_deleted_at" ON "data_export" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_data_export_customer_id_created_at" ON "data_export" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_data_export_status_expires_at" ON "data_export" ("status", "expires_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "data_erasure" cascade;`);

    this.addSql(`drop table if exists "data_export" cascade;`);
  }

}
