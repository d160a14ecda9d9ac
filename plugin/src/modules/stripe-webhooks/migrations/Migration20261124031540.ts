import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124031540 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "stripe_webhook_event" ("id" text not null, "type" text not null, "livemode" boolean not null default false, "object_id" text null, "deliveries" integer not null default 1, "claimed_at" timestamptz null, "processed_at" timestamptz null, "outcome" text null, "last_error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "stripe_webhook_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stripe_webhook_event_deleted_at" ON "stripe_webhook_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stripe_webhook_event_type_created_at" ON "stripe_webhook_event" ("type", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "stripe_webhook_event" cascade;`);
  }

}
