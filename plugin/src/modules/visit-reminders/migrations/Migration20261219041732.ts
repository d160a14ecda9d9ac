import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261219041732 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "visit_reminder_settings" ("id" text not null, "enabled" boolean not null default true, "lead_hours" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "visit_reminder_settings_pkey" primary key ("id"));`
    )
    this.addSql(
      `create table if not exists "visit_reminder" ("id" text not null, "booking_id" text not null, "customer_id" text not null, "lead_minutes" integer not null, "starts_at" timestamptz not null, "sent_at" timestamptz null, "attempts" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "visit_reminder_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_visit_reminder_deleted_at" ON "visit_reminder" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_visit_reminder_booking_id_lead_minutes_starts_at_unique" ON "visit_reminder" ("booking_id", "lead_minutes", "starts_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_visit_reminder_customer_id_created_at" ON "visit_reminder" ("customer_id", "created_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_visit_reminder_settings_deleted_at" ON "visit_reminder_settings" ("deleted_at") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "visit_reminder" cascade;`)
    this.addSql(`drop table if exists "visit_reminder_settings" cascade;`)
  }
}
