import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Recurring visits (issue #18, item 1): a series and its rule; its visits are bookings carrying series_id. */
export class Migration20261207001000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "booking_series" ("id" text not null, "customer_id" text not null, "status" text check ("status" in ('active', 'ended')) not null default 'active', "frequency" text check ("frequency" in ('weekly', 'every_2_weeks', 'every_3_weeks', 'every_4_weeks', 'monthly_by_date', 'monthly_by_weekday')) not null, "rule" text not null, "starts_on" text not null, "start_time" text not null, "time_zone" text not null, "until" text null, "count" integer null, "pauses" jsonb null, "skipped" text[] not null default '{}', "booked_until" text null, "product_id" text not null, "variant_id" text not null, "service_title" text not null, "option_title" text null, "sales_channel_id" text null, "address_id" text not null, "location_text" text null, "contact" jsonb null, "business_profile_id" text null, "additional_contact_id" text null, "dependent_ids" text[] not null default '{}', "instructions" text null, "created_by" text not null, "previous_series_id" text null, "ended_at" timestamptz null, "ended_by" text null, "end_reason" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "booking_series_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_series_deleted_at" ON "booking_series" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_series_customer_id_created_at" ON "booking_series" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_series_status" ON "booking_series" ("status") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "booking_series" cascade;`);
  }

}
