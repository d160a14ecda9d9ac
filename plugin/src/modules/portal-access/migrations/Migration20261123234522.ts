import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123234522 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "account_token" drop constraint if exists "account_token_token_hash_unique";`);
    this.addSql(`create table if not exists "account_token" ("id" text not null, "customer_id" text not null, "email" text not null, "purpose" text check ("purpose" in ('verify_email', 'invite', 'password_reset')) not null, "token_hash" text not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "account_token_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_account_token_token_hash_unique" ON "account_token" ("token_hash") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_account_token_deleted_at" ON "account_token" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_account_token_customer_id_purpose" ON "account_token" ("customer_id", "purpose") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "login_failure" ("id" text not null, "email" text null, "ip" text null, "method" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "login_failure_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_login_failure_deleted_at" ON "login_failure" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_login_failure_email_created_at" ON "login_failure" ("email", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_login_failure_ip_created_at" ON "login_failure" ("ip", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "portal_settings" ("id" text not null, "portal_enabled" boolean not null default true, "closed_message" text not null default 'Our customer portal is closed for maintenance. Please call or email us to book or manage a visit.', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portal_settings_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portal_settings_deleted_at" ON "portal_settings" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "account_token" cascade;`);

    this.addSql(`drop table if exists "login_failure" cascade;`);

    this.addSql(`drop table if exists "portal_settings" cascade;`);
  }

}
