import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124051010 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "customer_merge" ("id" text not null, "primary_customer_id" text not null, "secondary_customer_id" text not null, "actor" text null, "summary" jsonb not null, "conflicts" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_merge_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_merge_deleted_at" ON "customer_merge" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_merge_primary_customer_id_created_at" ON "customer_merge" ("primary_customer_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_merge_secondary_customer_id" ON "customer_merge" ("secondary_customer_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_merge" cascade;`);
  }

}
