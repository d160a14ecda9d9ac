import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123225542 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "customer_profile" ("id" text not null, "kind" text check ("kind" in ('personal', 'business')) not null default 'personal', "status" text check ("status" in ('active', 'blocked', 'archived')) not null default 'active', "status_changed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_profile_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_profile_deleted_at" ON "customer_profile" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_profile" cascade;`);
  }

}
