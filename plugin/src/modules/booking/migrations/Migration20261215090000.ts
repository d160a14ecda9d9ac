import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The Medusa cart a booking is paid through, so a booking held for the bank's 3-D Secure check can
 * be completed (or let go) later; and an index for the job that lets go of holds never confirmed.
 */
export class Migration20261215090000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "booking" add column if not exists "cart_id" text null;`);
    this.addSql(`create index if not exists "IDX_booking_held_created_at" on "booking" ("created_at") where "status" = 'requested' and "order_id" is null and "deleted_at" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_booking_held_created_at";`);
    this.addSql(`alter table if exists "booking" drop column if exists "cart_id";`);
  }

}
