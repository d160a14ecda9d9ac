import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261207031500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_profile" add column if not exists "calendar_feed_version" integer not null default 1;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "customer_profile" drop column if exists "calendar_feed_version";`)
  }
}
