import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Quotes: photos and PDFs on a quote version (issue #19). */
export class Migration20261223090000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "quote_attachment" ("id" text not null, "version_id" text not null, "rank" integer not null default 0, "file_id" text not null, "url" text not null, "filename" text not null, "mime_type" text not null, "size_bytes" integer not null, "content_sha256" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "quote_attachment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_quote_attachment_version_id" ON "quote_attachment" ("version_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_quote_attachment_file_id" ON "quote_attachment" ("file_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_quote_attachment_deleted_at" ON "quote_attachment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`alter table if exists "quote_attachment" add constraint "quote_attachment_version_id_foreign" foreign key ("version_id") references "quote_version" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "quote_attachment" cascade;`);
  }

}
