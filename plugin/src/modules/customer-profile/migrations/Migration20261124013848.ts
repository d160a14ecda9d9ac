import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124013848 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "customer_activity" ("id" text not null, "customer_id" text not null, "kind" text not null, "message" text not null, "data" jsonb null, "actor" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_activity_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_activity_deleted_at" ON "customer_activity" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_activity_customer_id_created_at" ON "customer_activity" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "customer_additional_contact" ("id" text not null, "name" text not null, "role" text null, "emails" jsonb not null, "phones" jsonb not null, "profile_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_additional_contact_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_additional_contact_profile_id" ON "customer_additional_contact" ("profile_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_additional_contact_deleted_at" ON "customer_additional_contact" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "customer_additional_contact" add constraint "customer_additional_contact_profile_id_foreign" foreign key ("profile_id") references "customer_profile" ("id") on update cascade;`);

    this.addSql(`alter table if exists "customer_profile" add column if not exists "picture_file_id" text null, add column if not exists "picture_url" text null, add column if not exists "billing_same_as_booking" boolean not null default true, add column if not exists "tags" text[] not null default '{}';`);
    // Written by hand: the staff directory filters by tag (tags @> '{VIP}').
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_profile_tags" ON "customer_profile" USING gin ("tags");`);
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_customer_profile_tags";`);
    this.addSql(`drop table if exists "customer_activity" cascade;`);

    this.addSql(`drop table if exists "customer_additional_contact" cascade;`);

    this.addSql(`alter table if exists "customer_profile" drop column if exists "picture_file_id", drop column if exists "picture_url", drop column if exists "billing_same_as_booking", drop column if exists "tags";`);
  }

}
