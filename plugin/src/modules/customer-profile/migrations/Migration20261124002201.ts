import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124002201 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "customer_contact_method" ("id" text not null, "kind" text check ("kind" in ('email', 'phone', 'mobile')) not null, "value" text not null, "normalized" text not null, "is_primary" boolean not null default false, "profile_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_contact_method_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_contact_method_profile_id" ON "customer_contact_method" ("profile_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_contact_method_deleted_at" ON "customer_contact_method" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_contact_method_normalized" ON "customer_contact_method" ("normalized") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "customer_contact_method" add constraint "customer_contact_method_profile_id_foreign" foreign key ("profile_id") references "customer_profile" ("id") on update cascade;`);

    this.addSql(`alter table if exists "customer_profile" add column if not exists "additional_names" jsonb null, add column if not exists "marketing_emails" boolean not null default false, add column if not exists "reminder_emails" boolean not null default true, add column if not exists "tax_exempt" boolean not null default false, add column if not exists "tax_rate_override" real null, add column if not exists "payment_terms_days" integer null, add column if not exists "internal_notes" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_contact_method" cascade;`);

    this.addSql(`alter table if exists "customer_profile" drop column if exists "additional_names", drop column if exists "marketing_emails", drop column if exists "reminder_emails", drop column if exists "tax_exempt", drop column if exists "tax_rate_override", drop column if exists "payment_terms_days", drop column if exists "internal_notes";`);
  }

}
