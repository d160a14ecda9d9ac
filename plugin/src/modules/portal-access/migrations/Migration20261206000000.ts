import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206000000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "email_request" ("id" text not null, "email" text not null, "ip" text null, "kind" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "email_request_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_email_request_deleted_at" ON "email_request" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_email_request_email_created_at" ON "email_request" ("email", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_email_request_ip_created_at" ON "email_request" ("ip", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "email_request" cascade;`);
  }

}
