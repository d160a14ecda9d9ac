import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124031223 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "fieldworker" drop constraint if exists "fieldworker_email_unique";`);
    this.addSql(`create table if not exists "fieldworker" ("id" text not null, "name" text not null, "email" text not null, "phone" text null, "service_areas" text[] not null default '{}', "active" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "fieldworker_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_fieldworker_deleted_at" ON "fieldworker" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_fieldworker_email_unique" ON "fieldworker" ("email") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "fieldworker" cascade;`);
  }

}
