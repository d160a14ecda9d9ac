import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * A visit of a recurring series carries the series and the date it stands for. One booking per
 * series and date: the rolling job can never book a date twice, so a run killed half-way is
 * simply run again.
 */
export class Migration20261207000000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "booking" add column if not exists "series_id" text null;`);
    this.addSql(`alter table if exists "booking" add column if not exists "occurrence" text null;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_booking_series_id_occurrence_unique" ON "booking" ("series_id", "occurrence") WHERE series_id IS NOT NULL AND status <> 'cancelled' AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_booking_series_id_occurrence_unique";`);
    this.addSql(`alter table if exists "booking" drop column if exists "series_id";`);
    this.addSql(`alter table if exists "booking" drop column if exists "occurrence";`);
  }

}
