import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Which portal notifications each customer has read (Medusa's notification has no read flag). */
export class Migration20261219140200 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "notice_read" ("id" text not null, "customer_id" text not null, "notification_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "notice_read_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_notice_read_deleted_at" ON "notice_read" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_notice_read_customer_id_notification_id_unique" ON "notice_read" ("customer_id", "notification_id") WHERE deleted_at IS NULL;`);
    this.addSql(`create table if not exists "notices_read_up_to" ("id" text not null, "customer_id" text not null, "read_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "notices_read_up_to_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_notices_read_up_to_deleted_at" ON "notices_read_up_to" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_notices_read_up_to_customer_id_unique" ON "notices_read_up_to" ("customer_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notice_read" cascade;`);
    this.addSql(`drop table if exists "notices_read_up_to" cascade;`);
  }

}
