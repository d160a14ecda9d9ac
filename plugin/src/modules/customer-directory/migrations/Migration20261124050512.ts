import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** The customer directory's read model; rows are written by the migration script that follows and then by refreshEntries. */

export class Migration20261124050512 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_directory_entry" drop constraint if exists "customer_directory_entry_customer_id_unique";`);
    this.addSql(`create table if not exists "customer_directory_entry" ("id" text not null, "customer_id" text not null, "first_name" text null, "last_name" text null, "email" text not null, "phone" text null, "company_name" text null, "business_names" text null, "kind" text not null default 'personal', "status" text not null default 'active', "tags" text[] not null default '{}', "custom_values" jsonb not null default '{}', "search_text" text not null, "sort_name" text not null, "has_account" boolean not null default false, "customer_created_at" timestamptz not null, "customer_deleted_at" timestamptz null, "last_booking_at" timestamptz null, "next_booking_at" timestamptz null, "booking_count" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_directory_entry_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_directory_entry_customer_id_unique" ON "customer_directory_entry" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_directory_entry_deleted_at" ON "customer_directory_entry" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_directory_entry_status_customer_created_at" ON "customer_directory_entry" ("status", "customer_created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_directory_entry_last_booking_at" ON "customer_directory_entry" ("last_booking_at") WHERE last_booking_at IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_directory_entry_next_booking_at" ON "customer_directory_entry" ("next_booking_at") WHERE next_booking_at IS NOT NULL AND deleted_at IS NULL;`);
    // What the model DSL can't declare. pg_trgm ships with PostgreSQL (contrib), the embedded server included.
    this.addSql(`create extension if not exists pg_trgm;`);
    // "C" collation: byte order, so the one b-tree on sort_name serves ORDER BY and LIKE 'prefix%' alike.
    this.addSql(`alter table "customer_directory_entry" alter column "sort_name" type text collate "C", alter column "email" type text collate "C";`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_directory_entry_status_sort_name" ON "customer_directory_entry" ("status", "sort_name", "customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_directory_entry_sort_name" ON "customer_directory_entry" ("sort_name", "customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_directory_entry_email" ON "customer_directory_entry" ("email") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_directory_entry_search_text" ON "customer_directory_entry" USING gin ("search_text" gin_trgm_ops) WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_directory_entry_tags" ON "customer_directory_entry" USING gin ("tags") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_directory_entry_custom_values" ON "customer_directory_entry" USING gin ("custom_values" jsonb_path_ops) WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_directory_entry" cascade;`);
  }

}
