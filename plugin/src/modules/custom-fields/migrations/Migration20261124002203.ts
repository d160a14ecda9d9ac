import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124002203 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "custom_field_value" drop constraint if exists "custom_field_value_field_id_owner_type_owner_id_unique";`);
    this.addSql(`alter table if exists "custom_field" drop constraint if exists "custom_field_target_type_key_unique";`);
    this.addSql(`alter table if exists "custom_field" drop constraint if exists "custom_field_target_type_target_id_key_unique";`);
    this.addSql(`create table if not exists "custom_field" ("id" text not null, "target_type" text check ("target_type" in ('customer', 'dependent_type')) not null, "target_id" text null, "key" text not null, "label" text not null, "type" text check ("type" in ('text', 'number', 'date', 'dropdown', 'boolean')) not null, "required" boolean not null default false, "visibility" text check ("visibility" in ('customer', 'staff')) not null default 'staff', "rank" integer not null default 0, "help_text" text null, "config" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "custom_field_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_custom_field_deleted_at" ON "custom_field" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_custom_field_target_type_target_id_rank" ON "custom_field" ("target_type", "target_id", "rank") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_custom_field_target_type_target_id_key_unique" ON "custom_field" ("target_type", "target_id", "key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_custom_field_target_type_key_unique" ON "custom_field" ("target_type", "key") WHERE target_id IS NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "custom_field_value" ("id" text not null, "field_id" text not null, "owner_type" text check ("owner_type" in ('customer', 'dependent')) not null, "owner_id" text not null, "value" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "custom_field_value_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_custom_field_value_field_id" ON "custom_field_value" ("field_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_custom_field_value_deleted_at" ON "custom_field_value" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_custom_field_value_field_id_owner_type_owner_id_unique" ON "custom_field_value" ("field_id", "owner_type", "owner_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_custom_field_value_owner_type_owner_id" ON "custom_field_value" ("owner_type", "owner_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "custom_field_value" add constraint "custom_field_value_field_id_foreign" foreign key ("field_id") references "custom_field" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "custom_field_value" drop constraint if exists "custom_field_value_field_id_foreign";`);

    this.addSql(`drop table if exists "custom_field" cascade;`);

    this.addSql(`drop table if exists "custom_field_value" cascade;`);
  }

}
