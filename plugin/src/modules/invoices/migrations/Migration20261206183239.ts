import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206183239 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "invoice_payment" drop constraint if exists "invoice_payment_idempotency_key_unique";`);
    this.addSql(`alter table if exists "credit_note" drop constraint if exists "credit_note_number_unique";`);
    this.addSql(`alter table if exists "invoice" drop constraint if exists "invoice_number_unique";`);
    this.addSql(`create table if not exists "billing_settings" ("id" text not null, "invoice_prefix" text not null default 'INV-{YYYY}-', "credit_note_prefix" text not null default 'CN-{YYYY}-', "issue_on_completion" boolean not null default true, "default_terms" text check ("default_terms" in ('on_receipt', 'net_7', 'net_14', 'net_30', 'days')) not null default 'net_14', "default_terms_days" integer null, "seller" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "billing_settings_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_billing_settings_deleted_at" ON "billing_settings" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "invoice" ("id" text not null, "number" text null, "status" text check ("status" in ('draft', 'issued', 'partially_paid', 'paid', 'void')) not null default 'draft', "customer_id" text not null, "booking_id" text null, "order_id" text null, "business_profile_id" text null, "currency_code" text not null, "issued_at" timestamptz null, "due_at" timestamptz null, "due_rule" text null, "terms_days" integer null, "bill_to" jsonb not null, "seller" jsonb not null, "subtotal" numeric not null default 0, "tax_total" numeric not null default 0, "total" numeric not null default 0, "paid_total" numeric not null default 0, "credited_total" numeric not null default 0, "voided_at" timestamptz null, "void_reason" text null, "raw_subtotal" jsonb not null default '{"value":"0","precision":20}', "raw_tax_total" jsonb not null default '{"value":"0","precision":20}', "raw_total" jsonb not null default '{"value":"0","precision":20}', "raw_paid_total" jsonb not null default '{"value":"0","precision":20}', "raw_credited_total" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "invoice_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_deleted_at" ON "invoice" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_invoice_number_unique" ON "invoice" ("number") WHERE number IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_customer_id_created_at" ON "invoice" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_booking_id" ON "invoice" ("booking_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_status_due_at" ON "invoice" ("status", "due_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_created_at" ON "invoice" ("created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "credit_note" ("id" text not null, "number" text not null, "invoice_id" text not null, "reason" text not null, "issued_at" timestamptz not null, "subtotal" numeric not null, "tax_total" numeric not null, "total" numeric not null, "created_by" text null, "raw_subtotal" jsonb not null, "raw_tax_total" jsonb not null, "raw_total" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "credit_note_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_credit_note_invoice_id" ON "credit_note" ("invoice_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_credit_note_deleted_at" ON "credit_note" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_credit_note_number_unique" ON "credit_note" ("number") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "invoice_line" ("id" text not null, "invoice_id" text not null, "rank" integer not null default 0, "description" text not null, "booking_id" text null, "booking_number" text null, "visit_date" timestamptz null, "visit_address" text null, "quantity" integer not null default 1, "unit_price" numeric not null, "tax_rate" numeric not null default 0, "tax_code" text null, "subtotal" numeric not null, "tax_total" numeric not null, "total" numeric not null, "raw_unit_price" jsonb not null, "raw_tax_rate" jsonb not null default '{"value":"0","precision":20}', "raw_subtotal" jsonb not null, "raw_tax_total" jsonb not null, "raw_total" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "invoice_line_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_line_invoice_id" ON "invoice_line" ("invoice_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_line_deleted_at" ON "invoice_line" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "invoice_payment" ("id" text not null, "invoice_id" text not null, "kind" text check ("kind" in ('payment', 'refund')) not null default 'payment', "method" text check ("method" in ('card', 'cash', 'bank_transfer', 'cheque')) not null, "amount" numeric not null, "reference" text null, "paid_at" timestamptz not null, "card" jsonb null, "recorded_by" text null, "medusa_payment_id" text null, "stripe_payment_intent_id" text null, "idempotency_key" text null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "invoice_payment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_payment_invoice_id" ON "invoice_payment" ("invoice_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_payment_deleted_at" ON "invoice_payment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_invoice_payment_idempotency_key_unique" ON "invoice_payment" ("idempotency_key") WHERE idempotency_key IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`alter table if exists "credit_note" add constraint "credit_note_invoice_id_foreign" foreign key ("invoice_id") references "invoice" ("id") on update cascade;`);

    this.addSql(`alter table if exists "invoice_line" add constraint "invoice_line_invoice_id_foreign" foreign key ("invoice_id") references "invoice" ("id") on update cascade;`);

    // Numbers come from sequences: a value is never handed out twice, even if its transaction rolls back.
    this.addSql(`create sequence if not exists "invoice_number_seq";`);
    this.addSql(`create sequence if not exists "credit_note_number_seq";`);
    this.addSql(`alter table if exists "invoice_payment" add constraint "invoice_payment_invoice_id_foreign" foreign key ("invoice_id") references "invoice" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "credit_note" drop constraint if exists "credit_note_invoice_id_foreign";`);

    this.addSql(`alter table if exists "invoice_line" drop constraint if exists "invoice_line_invoice_id_foreign";`);

    this.addSql(`alter table if exists "invoice_payment" drop constraint if exists "invoice_payment_invoice_id_foreign";`);

    this.addSql(`drop table if exists "billing_settings" cascade;`);

    this.addSql(`drop table if exists "invoice" cascade;`);

    this.addSql(`drop table if exists "credit_note" cascade;`);

    this.addSql(`drop table if exists "invoice_line" cascade;`);

    this.addSql(`drop table if exists "invoice_payment" cascade;`);
    this.addSql(`drop sequence if exists "invoice_number_seq";`);
    this.addSql(`drop sequence if exists "credit_note_number_seq";`);
  }

}
