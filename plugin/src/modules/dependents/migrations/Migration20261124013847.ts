import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124013847 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "dependent_type" ("id" text not null, "label_singular" text not null, "label_plural" text not null, "rank" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "dependent_type_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_dependent_type_deleted_at" ON "dependent_type" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_dependent_type_rank" ON "dependent_type" ("rank") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "dependent" ("id" text not null, "customer_id" text not null, "type_id" text not null, "name" text not null, "notes" text null, "photo_file_id" text null, "photo_url" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "dependent_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_dependent_type_id" ON "dependent" ("type_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_dependent_deleted_at" ON "dependent" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_dependent_customer_id" ON "dependent" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "dependent" add constraint "dependent_type_id_foreign" foreign key ("type_id") references "dependent_type" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "dependent" drop constraint if exists "dependent_type_id_foreign";`);

    this.addSql(`drop table if exists "dependent_type" cascade;`);

    this.addSql(`drop table if exists "dependent" cascade;`);
  }

}
