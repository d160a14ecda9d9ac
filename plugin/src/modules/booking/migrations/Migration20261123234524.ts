import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123234524 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "booking" drop constraint if exists "booking_booking_number_unique";`);
    this.addSql(`create table if not exists "booking" ("id" text not null, "booking_number" text not null, "customer_id" text null, "email" text not null, "status" text check ("status" in ('requested', 'confirmed', 'in_progress', 'completed', 'cancelled')) not null default 'confirmed', "service_title" text not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "location_text" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "booking_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_booking_booking_number_unique" ON "booking" ("booking_number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_deleted_at" ON "booking" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_email" ON "booking" ("email") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_customer_id" ON "booking" ("customer_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "booking" cascade;`);
  }

}
