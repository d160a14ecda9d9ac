import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124030452 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "booking_attachment" ("id" text not null, "booking_id" text not null, "file_id" text not null, "url" text not null, "filename" text not null, "mime_type" text not null, "size_bytes" integer not null, "added_by" text not null default 'customer', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "booking_attachment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_attachment_booking_id" ON "booking_attachment" ("booking_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_attachment_deleted_at" ON "booking_attachment" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "booking_attachment" add constraint "booking_attachment_booking_id_foreign" foreign key ("booking_id") references "booking" ("id") on update cascade;`);

    this.addSql(`alter table if exists "booking" add column if not exists "fieldworker_id" text null, add column if not exists "card" jsonb null, add column if not exists "cancelled_at" timestamptz null, add column if not exists "cancelled_by" text null, add column if not exists "cancellation_reason" text null, add column if not exists "reschedule_count" integer not null default 0;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_status_starts_at" ON "booking" ("status", "starts_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_fieldworker_id_starts_at" ON "booking" ("fieldworker_id", "starts_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "booking_attachment" cascade;`);

    this.addSql(`drop index if exists "IDX_booking_status_starts_at";`);
    this.addSql(`drop index if exists "IDX_booking_fieldworker_id_starts_at";`);
    this.addSql(`alter table if exists "booking" drop column if exists "fieldworker_id", drop column if exists "card", drop column if exists "cancelled_at", drop column if exists "cancelled_by", drop column if exists "cancellation_reason", drop column if exists "reschedule_count";`);
  }

}
