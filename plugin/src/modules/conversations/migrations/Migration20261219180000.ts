import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Conversations with the office (issue #21): conversations, messages, files. */
export class Migration20261219180000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "conversation" ("id" text not null, "customer_id" text not null, "subject_type" text check ("subject_type" in ('general', 'booking', 'quote', 'invoice', 'complaint')) not null, "subject_id" text null, "title" text not null, "assigned_user_id" text null, "last_message_at" timestamptz null, "last_message_preview" text null, "customer_unread_count" integer not null default 0, "staff_unread_count" integer not null default 0, "customer_last_read_at" timestamptz null, "staff_last_read_at" timestamptz null, "customer_email_due_since" timestamptz null, "staff_email_due_since" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "conversation_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_conversation_general_unique" ON "conversation" ("customer_id") WHERE subject_type = 'general' AND deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_conversation_subject_unique" ON "conversation" ("subject_type", "subject_id") WHERE subject_id IS NOT NULL AND deleted_at IS NULL;`);
    // Newest activity first, with never-written conversations last (a staff member's fresh start has a message at once).
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_conversation_inbox" ON "conversation" ("last_message_at" DESC NULLS LAST, "id" DESC) WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_conversation_unassigned" ON "conversation" ("last_message_at" DESC NULLS LAST, "id" DESC) WHERE assigned_user_id IS NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_conversation_assigned" ON "conversation" ("assigned_user_id", "last_message_at" DESC NULLS LAST, "id" DESC) WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_conversation_staff_unread" ON "conversation" ("last_message_at" DESC NULLS LAST, "id" DESC) WHERE staff_unread_count > 0 AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_conversation_customer" ON "conversation" ("customer_id", "last_message_at" DESC NULLS LAST, "id" DESC) WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_conversation_customer_email_due" ON "conversation" ("customer_email_due_since") WHERE customer_email_due_since IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_conversation_staff_email_due" ON "conversation" ("staff_email_due_since") WHERE staff_email_due_since IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "conversation_message" ("id" text not null, "conversation_id" text not null, "author_kind" text check ("author_kind" in ('customer', 'staff', 'note')) not null, "author_id" text null, "author_name" text not null, "body" text not null, "removed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "conversation_message_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_conversation_message_conversation" ON "conversation_message" ("conversation_id", "created_at", "id") WHERE deleted_at IS NULL;`);
    // The inbox search over message text: a trigram index answers ILIKE '%words%' (pg_trgm, as the customer directory).
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_conversation_message_body_trgm" ON "conversation_message" USING gin ("body" gin_trgm_ops) WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "conversation_attachment" ("id" text not null, "conversation_id" text not null, "message_id" text not null, "file_id" text not null, "filename" text not null, "mime_type" text not null, "size_bytes" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "conversation_attachment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_conversation_attachment_message" ON "conversation_attachment" ("message_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "conversation_attachment" cascade;`);
    this.addSql(`drop table if exists "conversation_message" cascade;`);
    this.addSql(`drop table if exists "conversation" cascade;`);
  }

}
