import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Complaints as tickets (issue #21): complaints, their photos and the number sequence (C-1001…). */
export class Migration20261219550000 extends Migration {

  override async up(): Promise<void> {
    const stamps = `"created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null`;
    this.addSql(`create table if not exists "complaint" ("id" text not null, "number" text not null, "customer_id" text not null, "booking_id" text null, "rating_id" text null, "source" text check ("source" in ('customer', 'rating', 'staff')) not null default 'customer', "category" text check ("category" in ('quality_of_work', 'missed_or_late_visit', 'staff_conduct', 'damage', 'billing', 'other')) not null, "description" text not null, "status" text check ("status" in ('open', 'in_progress', 'resolved', 'closed')) not null default 'open', "assigned_user_id" text null, "resolution_note" text null, "resolved_at" timestamptz null, "closed_at" timestamptz null, ${stamps}, constraint "complaint_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_complaint_deleted_at" ON "complaint" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_complaint_number_unique" ON "complaint" ("number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_complaint_rating_id_unique" ON "complaint" ("rating_id") WHERE rating_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_complaint_customer_id_created_at" ON "complaint" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_complaint_status_created_at" ON "complaint" ("status", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_complaint_assigned_user_id_status" ON "complaint" ("assigned_user_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_complaint_booking_id" ON "complaint" ("booking_id") WHERE booking_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "complaint_photo" ("id" text not null, "complaint_id" text not null, "file_id" text not null, "url" text not null, "filename" text not null, "mime_type" text not null, "size_bytes" integer not null, "content_sha256" text not null, "added_by" text not null default 'customer', ${stamps}, constraint "complaint_photo_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_complaint_photo_complaint_id" ON "complaint_photo" ("complaint_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_complaint_photo_deleted_at" ON "complaint_photo" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`alter table if exists "complaint_photo" add constraint "complaint_photo_complaint_id_foreign" foreign key ("complaint_id") references "complaint" ("id") on update cascade on delete cascade;`);

    this.addSql(`create sequence if not exists "complaint_number_seq" start with 1001;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "complaint_photo" cascade;`);
    this.addSql(`drop table if exists "complaint" cascade;`);
    this.addSql(`drop sequence if exists "complaint_number_seq";`);
  }

}
