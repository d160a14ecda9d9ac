import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** A visit booked from an accepted quote keeps the quote's id and number (shown on the booking and its invoice). */
export class Migration20261222090000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "booking" add column if not exists "quote_id" text null, add column if not exists "quote_number" text null;`);
    this.addSql(`create index if not exists "IDX_booking_quote_id" on "booking" ("quote_id") where "quote_id" is not null and "deleted_at" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_booking_quote_id";`);
    this.addSql(`alter table if exists "booking" drop column if exists "quote_id", drop column if exists "quote_number";`);
  }

}
