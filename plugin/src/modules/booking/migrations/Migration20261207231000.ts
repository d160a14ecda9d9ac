import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** What a gift voucher paid of a booking (issue #20). */
export class Migration20261207231000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "booking" add column if not exists "gift_voucher" jsonb null;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "booking" drop column if exists "gift_voucher";`)
  }
}
