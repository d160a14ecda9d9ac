import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Staff side of gift vouchers: who issued one by hand, and staff's note. */
export class Migration20261216090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "gift_voucher" add column if not exists "issued_by" text null, add column if not exists "note" text null;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "gift_voucher" drop column if exists "issued_by", drop column if exists "note";`)
  }
}
