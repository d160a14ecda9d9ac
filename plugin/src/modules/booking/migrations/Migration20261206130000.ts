import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * When a visit was marked completed and from which status, so staff can undo it for a short while
 * (bookings completed before this release keep null: their undo window is long gone).
 */
export class Migration20261206130000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "booking" add column if not exists "completed_at" timestamptz null;`);
    this.addSql(`alter table if exists "booking" add column if not exists "completed_from" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "booking" drop column if exists "completed_at";`);
    this.addSql(`alter table if exists "booking" drop column if exists "completed_from";`);
  }

}
