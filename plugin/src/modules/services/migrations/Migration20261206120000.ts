import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Which kinds of dependent a service concerns; none by default, so a booking asks about none. */
export class Migration20261206120000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "service_details" add column if not exists "dependent_type_ids" text[] not null default '{}';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "service_details" drop column if exists "dependent_type_ids";`);
  }

}
