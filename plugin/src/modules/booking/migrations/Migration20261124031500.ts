import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Indexes for staff's bookings list (the booking model is unchanged). It is sorted and filtered by
 * date without any other filter ("from today, earliest first"), which the composite indexes
 * can't serve; and it finds bookings by the start of their number or email ("BK-7F3K",
 * "olivia@"), where text_pattern_ops lets `LIKE 'prefix%'` use an index whatever the collation.
 */
export class Migration20261124031500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_starts_at" ON "booking" ("starts_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_booking_number_prefix" ON "booking" ("booking_number" text_pattern_ops) WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_booking_email_prefix" ON "booking" ("email" text_pattern_ops) WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_booking_starts_at";`);
    this.addSql(`drop index if exists "IDX_booking_booking_number_prefix";`);
    this.addSql(`drop index if exists "IDX_booking_email_prefix";`);
  }

}
