import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Quotes: "deposit paid" and "deposit failed" in the quote's history. */
export class Migration20261222120000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "quote_event" drop constraint if exists "quote_event_kind_check";`);
    this.addSql(`alter table if exists "quote_event" add constraint "quote_event_kind_check" check ("kind" in ('created', 'sent', 'viewed', 'accepted', 'declined', 'changes_requested', 'revised', 'expired', 'scheduled', 'deposit_paid', 'deposit_failed'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "quote_event" where "kind" in ('deposit_paid', 'deposit_failed');`);
    this.addSql(`alter table if exists "quote_event" drop constraint if exists "quote_event_kind_check";`);
    this.addSql(`alter table if exists "quote_event" add constraint "quote_event_kind_check" check ("kind" in ('created', 'sent', 'viewed', 'accepted', 'declined', 'changes_requested', 'revised', 'expired', 'scheduled'));`);
  }

}
