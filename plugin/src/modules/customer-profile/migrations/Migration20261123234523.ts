import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123234523 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_profile" add column if not exists "email_verified_at" timestamptz null;`);
    // Customers who existed before email verification keep signing in as they did.
    this.addSql(`update "customer_profile" set "email_verified_at" = "created_at" where "email_verified_at" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "customer_profile" drop column if exists "email_verified_at";`);
  }

}
