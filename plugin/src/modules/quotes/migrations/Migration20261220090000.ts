import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Quotes (issue #19): quotes, their versions, options and lines, the acceptance and the history. */
export class Migration20261220090000 extends Migration {

  override async up(): Promise<void> {
    const stamps = `"created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null`;
    const money = (column: string, nullable = false) => nullable
      ? `"${column}" numeric null, "raw_${column}" jsonb null`
      : `"${column}" numeric not null default 0, "raw_${column}" jsonb not null default '{"value":"0","precision":20}'`;

    this.addSql(`create table if not exists "quote" ("id" text not null, "number" text null, "status" text check ("status" in ('draft', 'sent', 'viewed', 'changes_requested', 'accepted', 'declined', 'expired')) not null default 'draft', "title" text not null, "customer_id" text not null, "business_profile_id" text null, "address_id" text null, "currency_code" text not null, "expires_on" text null, "deposit_kind" text check ("deposit_kind" in ('none', 'amount', 'percent')) not null default 'none', ${money("deposit_value", true)}, "bill_to" jsonb not null, "seller" jsonb not null, ${money("total")}, "current_version" integer not null default 0, "sent_at" timestamptz null, "viewed_at" timestamptz null, "created_by" text null, ${stamps}, constraint "quote_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_quote_deleted_at" ON "quote" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_quote_number_unique" ON "quote" ("number") WHERE number IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_quote_customer_id_created_at" ON "quote" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_quote_status_expires_on" ON "quote" ("status", "expires_on") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_quote_created_at" ON "quote" ("created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_quote_total" ON "quote" ("total") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "quote_version" ("id" text not null, "quote_id" text not null, "version" integer not null, "status" text check ("status" in ('draft', 'sent', 'superseded')) not null default 'draft', "notes" text null, "sent_at" timestamptz null, ${stamps}, constraint "quote_version_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_quote_version_quote_id" ON "quote_version" ("quote_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_quote_version_deleted_at" ON "quote_version" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_quote_version_quote_id_version_unique" ON "quote_version" ("quote_id", "version") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "quote_option" ("id" text not null, "version_id" text not null, "rank" integer not null default 0, "title" text not null, "description" text null, ${money("subtotal")}, ${money("tax_total")}, ${money("total")}, ${stamps}, constraint "quote_option_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_quote_option_version_id" ON "quote_option" ("version_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_quote_option_deleted_at" ON "quote_option" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "quote_line" ("id" text not null, "option_id" text not null, "rank" integer not null default 0, "product_id" text null, "variant_id" text null, "description" text not null, "quantity" integer not null default 1, "unit_price" numeric not null, "raw_unit_price" jsonb not null, "tax_rate" numeric not null default 0, "raw_tax_rate" jsonb not null default '{"value":"0","precision":20}', "optional" boolean not null default false, "subtotal" numeric not null, "raw_subtotal" jsonb not null, "tax_total" numeric not null, "raw_tax_total" jsonb not null, "total" numeric not null, "raw_total" jsonb not null, ${stamps}, constraint "quote_line_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_quote_line_option_id" ON "quote_line" ("option_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_quote_line_deleted_at" ON "quote_line" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "quote_acceptance" ("id" text not null, "quote_id" text not null, "version" integer not null, "option_id" text not null, "option_title" text not null, "optional_line_ids" text[] not null default '{}', "signed_name" text not null, "accepted_at" timestamptz not null, "ip" text null, "user_agent" text null, "subtotal" numeric not null, "raw_subtotal" jsonb not null, "tax_total" numeric not null, "raw_tax_total" jsonb not null, "total" numeric not null, "raw_total" jsonb not null, ${money("deposit_amount")}, ${stamps}, constraint "quote_acceptance_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_quote_acceptance_quote_id_unique" ON "quote_acceptance" ("quote_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_quote_acceptance_deleted_at" ON "quote_acceptance" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "quote_event" ("id" text not null, "quote_id" text not null, "kind" text check ("kind" in ('created', 'sent', 'viewed', 'accepted', 'declined', 'changes_requested', 'revised', 'expired', 'scheduled')) not null, "version" integer null, "message" text null, "actor" text null, ${stamps}, constraint "quote_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_quote_event_quote_id" ON "quote_event" ("quote_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_quote_event_quote_id_created_at" ON "quote_event" ("quote_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_quote_event_deleted_at" ON "quote_event" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "quote_version" add constraint "quote_version_quote_id_foreign" foreign key ("quote_id") references "quote" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table if exists "quote_option" add constraint "quote_option_version_id_foreign" foreign key ("version_id") references "quote_version" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table if exists "quote_line" add constraint "quote_line_option_id_foreign" foreign key ("option_id") references "quote_option" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table if exists "quote_acceptance" add constraint "quote_acceptance_quote_id_foreign" foreign key ("quote_id") references "quote" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table if exists "quote_event" add constraint "quote_event_quote_id_foreign" foreign key ("quote_id") references "quote" ("id") on update cascade on delete cascade;`);

    this.addSql(`create sequence if not exists "quote_number_seq";`);
  }

  override async down(): Promise<void> {
    for (const table of ["quote_event", "quote_acceptance", "quote_line", "quote_option", "quote_version", "quote"]) {
      this.addSql(`drop table if exists "${table}" cascade;`);
    }
    this.addSql(`drop sequence if exists "quote_number_seq";`);
  }

}
