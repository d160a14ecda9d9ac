import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124051253 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "customer_import" ("id" text not null, "status" text check ("status" in ('processing', 'completed', 'failed')) not null default 'processing', "filename" text not null, "file_key" text null, "file_size" integer null, "update_existing" boolean not null default false, "actor" text null, "actor_id" text null, "header" jsonb null, "total_rows" integer not null default 0, "processed_rows" integer not null default 0, "created_count" integer not null default 0, "updated_count" integer not null default 0, "skipped_count" integer not null default 0, "rejected_count" integer not null default 0, "error" text null, "heartbeat_at" timestamptz null, "finished_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_import_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_import_deleted_at" ON "customer_import" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_import_created_at" ON "customer_import" ("created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_import_status" ON "customer_import" ("status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "customer_import_rejection" ("id" text not null, "line" integer not null, "reason" text not null, "cells" jsonb not null, "customer_import_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_import_rejection_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_import_rejection_customer_import_id" ON "customer_import_rejection" ("customer_import_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_import_rejection_deleted_at" ON "customer_import_rejection" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_import_rejection_customer_import_id_line" ON "customer_import_rejection" ("customer_import_id", "line") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "customer_import_rejection" add constraint "customer_import_rejection_customer_import_id_foreign" foreign key ("customer_import_id") references "customer_import" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "customer_import_rejection" drop constraint if exists "customer_import_rejection_customer_import_id_foreign";`);

    this.addSql(`drop table if exists "customer_import" cascade;`);

    this.addSql(`drop table if exists "customer_import_rejection" cascade;`);
  }

}
