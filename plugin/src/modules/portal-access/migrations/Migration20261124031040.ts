import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124031040 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "portal_settings" add column if not exists "cancellation_cutoff_hours" integer not null default 24, add column if not exists "reschedule_cutoff_hours" integer not null default 24, add column if not exists "cancellation_policy" text not null default 'Cancelling or rescheduling before the cut-off is free, and anything you have paid for the visit is refunded in full. After the cut-off, please contact our office: a late cancellation may be charged a call-out fee.', add column if not exists "office_phone" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "portal_settings" drop column if exists "cancellation_cutoff_hours", drop column if exists "reschedule_cutoff_hours", drop column if exists "cancellation_policy", drop column if exists "office_phone";`);
  }

}
