import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Portal sign-ins (the admin's "Portal log-ins" chart, "Last sign-in") and which events notify customers. */
export class Migration20261219140100 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "portal_login" ("id" text not null, "customer_id" text not null, "method" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portal_login_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_login_deleted_at" ON "portal_login" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_login_created_at" ON "portal_login" ("created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_login_customer_id_created_at" ON "portal_login" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`alter table if exists "portal_settings" add column if not exists "notices" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "portal_login" cascade;`);
    this.addSql(`alter table if exists "portal_settings" drop column if exists "notices";`);
  }

}
