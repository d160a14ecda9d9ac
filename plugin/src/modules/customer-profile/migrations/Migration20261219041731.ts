import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Rating and review requests get their own switch (on by default, like reminders). */
export class Migration20261219041731 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_profile" add column if not exists "feedback_emails" boolean not null default true;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "customer_profile" drop column if exists "feedback_emails";`)
  }
}
