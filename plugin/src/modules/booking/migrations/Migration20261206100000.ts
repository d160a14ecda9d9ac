import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** A fingerprint of each booking file, so adding the same file twice is refused (files added before stay without one). */
export class Migration20261206100000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "booking_attachment" add column if not exists "content_sha256" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "booking_attachment" drop column if exists "content_sha256";`);
  }

}
