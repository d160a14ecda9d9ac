import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124020252 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "service_details" drop constraint if exists "service_details_product_id_unique";`);
    this.addSql(`alter table if exists "service_booked_window" drop constraint if exists "service_booked_window_product_id_starts_at_unique";`);
    this.addSql(`create table if not exists "service_booked_window" ("id" text not null, "product_id" text not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "booked" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "service_booked_window_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_service_booked_window_deleted_at" ON "service_booked_window" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_service_booked_window_product_id_starts_at_unique" ON "service_booked_window" ("product_id", "starts_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "service_details" ("id" text not null, "product_id" text not null, "duration_minutes" integer not null, "starting_rate" numeric not null, "currency_code" text not null default 'gbp', "summary" text null, "service_areas" text[] not null default '{}', "window_minutes" integer not null default 120, "capacity" integer not null default 1, "working_hours" jsonb not null, "lead_time_hours" integer not null default 24, "horizon_days" integer not null default 28, "raw_starting_rate" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "service_details_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_service_details_product_id_unique" ON "service_details" ("product_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_service_details_deleted_at" ON "service_details" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "service_booked_window" cascade;`);

    this.addSql(`drop table if exists "service_details" cascade;`);
  }

}
