import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124013846 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "portal_settings" add column if not exists "dependents_enabled" boolean not null default true;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "portal_settings" drop column if exists "dependents_enabled";`);
  }

}
