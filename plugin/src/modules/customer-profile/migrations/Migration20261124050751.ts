import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124050751 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_activity" add column if not exists "actor_type" text check ("actor_type" in ('staff', 'customer', 'system')) not null default 'system', add column if not exists "actor_id" text null, add column if not exists "actor_name" text null, add column if not exists "changes" jsonb null;`);
    // Written by hand: lines written before actors were recorded in full came from staff when they name an email.
    this.addSql(`update "customer_activity" set "actor_type" = 'staff', "actor_name" = "actor" where "actor" is not null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_activity_customer_id_kind_created_at" ON "customer_activity" ("customer_id", "kind", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_customer_activity_customer_id_kind_created_at";`);
    this.addSql(`alter table if exists "customer_activity" drop column if exists "actor_type", drop column if exists "actor_id", drop column if exists "actor_name", drop column if exists "changes";`);
  }

}
