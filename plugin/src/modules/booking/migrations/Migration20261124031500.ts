import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Staff's bookings list finds bookings by the start of their number or email ("BK-7F3K",
 * "olivia@"). text_pattern_ops lets `LIKE 'prefix%'` use an index whatever the database's
 * collation. (Indexes only: the booking model is unchanged.)
 */
export class Migration20261124031500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_booking_number_prefix" ON "booking" ("booking_number" text_pattern_ops) WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_email_prefix" ON "booking" ("email" text_pattern_ops) WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_booking_booking_number_prefix";`);
    this.addSql(`drop index if exists "IDX_booking_email_prefix";`);
  }

}
