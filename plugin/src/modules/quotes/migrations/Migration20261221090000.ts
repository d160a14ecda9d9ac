import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Quotes: the deposit taken at acceptance, and the visit booked from the accepted quote. */
export class Migration20261221090000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "quote_acceptance" add column if not exists "deposit_status" text check ("deposit_status" in ('none', 'due', 'requires_action', 'paid', 'failed')) not null default 'none', add column if not exists "deposit_payment_collection_id" text null, add column if not exists "deposit_payment_intent_id" text null, add column if not exists "deposit_medusa_payment_id" text null, add column if not exists "deposit_card" jsonb null, add column if not exists "deposit_note" text null, add column if not exists "deposit_paid_at" timestamptz null, add column if not exists "deposit_invoice_payment_id" text null, add column if not exists "booking_id" text null, add column if not exists "scheduled_at" timestamptz null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_quote_acceptance_deposit_payment_intent_id" ON "quote_acceptance" ("deposit_payment_intent_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_quote_acceptance_booking_id_unique" ON "quote_acceptance" ("booking_id") WHERE booking_id IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_quote_acceptance_deposit_payment_intent_id";`);
    this.addSql(`drop index if exists "IDX_quote_acceptance_booking_id_unique";`);
    for (const column of ["deposit_status", "deposit_payment_collection_id", "deposit_payment_intent_id", "deposit_medusa_payment_id", "deposit_card", "deposit_note", "deposit_paid_at", "deposit_invoice_payment_id", "booking_id", "scheduled_at"]) {
      this.addSql(`alter table if exists "quote_acceptance" drop column if exists "${column}";`);
    }
  }

}
