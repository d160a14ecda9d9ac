import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124020643 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index if exists "IDX_booking_customer_id";`);

    this.addSql(`alter table if exists "booking" add column if not exists "product_id" text null, add column if not exists "variant_id" text null, add column if not exists "option_title" text null, add column if not exists "order_id" text null, add column if not exists "address_id" text null, add column if not exists "location" jsonb null, add column if not exists "contact" jsonb null, add column if not exists "business_profile_id" text null, add column if not exists "additional_contact_id" text null, add column if not exists "dependent_ids" text[] not null default '{}', add column if not exists "instructions" text null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_customer_id_starts_at" ON "booking" ("customer_id", "starts_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_order_id" ON "booking" ("order_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_booking_customer_id_starts_at";`);
    this.addSql(`drop index if exists "IDX_booking_order_id";`);
    this.addSql(`alter table if exists "booking" drop column if exists "product_id", drop column if exists "variant_id", drop column if exists "option_title", drop column if exists "order_id", drop column if exists "address_id", drop column if exists "location", drop column if exists "contact", drop column if exists "business_profile_id", drop column if exists "additional_contact_id", drop column if exists "dependent_ids", drop column if exists "instructions";`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_customer_id" ON "booking" ("customer_id") WHERE deleted_at IS NULL;`);
  }

}
