import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124002204 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "business_profile" ("id" text not null, "customer_id" text not null, "name" text not null, "billing_email" text not null, "tax_id" text null, "address_1" text not null, "address_2" text null, "city" text not null, "province" text null, "postal_code" text not null, "country_code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "business_profile_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_business_profile_deleted_at" ON "business_profile" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_business_profile_customer_id" ON "business_profile" ("customer_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "business_profile" cascade;`);
  }

}
