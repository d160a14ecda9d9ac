import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** The office's email, set by staff (it came only from the plugin's options before). */
export class Migration20261206110000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "portal_settings" add column if not exists "office_email" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "portal_settings" drop column if exists "office_email";`);
  }

}
