import { Migration } from "@medusajs/framework/mikro-orm/migrations"

// Billing cycles (issue #18 item 2): each customer's or business profile's cycle, the visits each
// invoice bills (unique per visit among invoices that stand), and a consolidated invoice's payer
// and period key (unique among invoices that stand), so reruns and resumed runs never bill twice.
export class Migration20261207020000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "billing_cycle" ("id" text not null, "customer_id" text not null, "business_profile_id" text null, "frequency" text check ("frequency" in ('per_visit', 'weekly', 'fortnightly', 'monthly')) not null default 'per_visit', "weekday" integer null, "anchor_date" text null, "month_day" integer null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "billing_cycle_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_billing_cycle_deleted_at" ON "billing_cycle" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_billing_cycle_customer_id" ON "billing_cycle" ("customer_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_billing_cycle_frequency" ON "billing_cycle" ("frequency") WHERE deleted_at IS NULL;`)
    // One cycle per customer and per business profile (the customer's own has no profile).
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_billing_cycle_payer_unique" ON "billing_cycle" ("customer_id", COALESCE("business_profile_id", '')) WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "invoiced_visit" ("id" text not null, "invoice_id" text not null, "booking_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "invoiced_visit_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoiced_visit_deleted_at" ON "invoiced_visit" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_invoiced_visit_booking_id_unique" ON "invoiced_visit" ("booking_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoiced_visit_invoice_id" ON "invoiced_visit" ("invoice_id") WHERE deleted_at IS NULL;`)
    // The visits of every invoice that stands already (per-visit invoices made before this).
    this.addSql(
      `insert into "invoiced_visit" ("id", "invoice_id", "booking_id")
       select distinct on (billed.booking_id) 'invv_' || substr(md5(billed.invoice_id || billed.booking_id), 1, 26), billed.invoice_id, billed.booking_id
         from (select l.invoice_id, l.booking_id, i.created_at from "invoice_line" l join "invoice" i on i.id = l.invoice_id
                where l.booking_id is not null and l.deleted_at is null and i.deleted_at is null and i.status <> 'void'
               union all
               select i.id, i.booking_id, i.created_at from "invoice" i where i.booking_id is not null and i.deleted_at is null and i.status <> 'void') billed
        order by billed.booking_id, billed.created_at
       on conflict do nothing;`
    )

    this.addSql(`alter table if exists "invoice" add column if not exists "billing_key" text null;`)
    this.addSql(`alter table if exists "invoice" add column if not exists "period_starts_on" text null;`)
    this.addSql(`alter table if exists "invoice" add column if not exists "period_closes_on" text null;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_invoice_billing_key_unique" ON "invoice" ("billing_key") WHERE billing_key IS NOT NULL AND deleted_at IS NULL AND status <> 'void';`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_invoice_billing_key_unique";`)
    this.addSql(`alter table if exists "invoice" drop column if exists "billing_key", drop column if exists "period_starts_on", drop column if exists "period_closes_on";`)
    this.addSql(`drop table if exists "invoiced_visit" cascade;`)
    this.addSql(`drop table if exists "billing_cycle" cascade;`)
  }
}
