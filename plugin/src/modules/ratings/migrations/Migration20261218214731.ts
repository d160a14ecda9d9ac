import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261218214731 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "rating" ("id" text not null, "booking_id" text not null, "booking_number" text not null, "customer_id" text not null, "fieldworker_id" text null, "fieldworker_name" text null, "service_title" text not null, "postcode_area" text null, "visit_completed_at" timestamptz not null, "stars" integer not null, "comment" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "rating_pkey" primary key ("id"));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_rating_deleted_at" ON "rating" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_rating_booking_id_unique" ON "rating" ("booking_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_rating_customer_id" ON "rating" ("customer_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_rating_fieldworker_id_visit_completed_at" ON "rating" ("fieldworker_id", "visit_completed_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_rating_visit_completed_at" ON "rating" ("visit_completed_at") WHERE deleted_at IS NULL;`)

    this.addSql(`create table if not exists "rating_photo" ("id" text not null, "rating_id" text not null, "file_id" text not null, "url" text not null, "filename" text not null, "mime_type" text not null, "size_bytes" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "rating_photo_pkey" primary key ("id"));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_rating_photo_deleted_at" ON "rating_photo" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_rating_photo_rating_id" ON "rating_photo" ("rating_id") WHERE deleted_at IS NULL;`)
    this.addSql(`alter table if exists "rating_photo" add constraint "rating_photo_rating_id_foreign" foreign key ("rating_id") references "rating" ("id") on update cascade on delete cascade;`)

    this.addSql(`create table if not exists "rating_settings" ("id" text not null, "low_rating_threshold" integer not null default 2, "public_review_url" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "rating_settings_pkey" primary key ("id"));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_rating_settings_deleted_at" ON "rating_settings" ("deleted_at") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "rating_photo" cascade;`)
    this.addSql(`drop table if exists "rating" cascade;`)
    this.addSql(`drop table if exists "rating_settings" cascade;`)
  }
}
