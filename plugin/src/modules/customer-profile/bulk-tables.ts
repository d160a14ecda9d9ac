import { type BulkTable, newEntityId } from "../../utils/bulk-insert"
import type { ActivityActorType } from "./models/customer-activity"
import type { ContactMethodKind } from "./models/contact-method"
import type { ProfileKind, ProfileStatus } from "@fieldservice/contract"

/** A new profile: what the import knows; the rest takes the model's defaults. */
export type NewProfile = {
  kind?: ProfileKind
  status?: ProfileStatus
  status_changed_at?: Date | null
  tags?: string[]
  internal_notes?: string | null
  marketing_emails?: boolean
  reminder_emails?: boolean
  tax_exempt?: boolean
  payment_terms_days?: number | null
}

export const PROFILE_TABLE: BulkTable<NewProfile> = {
  table: "customer_profile",
  columns: {
    id: "text",
    kind: "text",
    status: "text",
    status_changed_at: "timestamptz",
    tags: "text[]",
    internal_notes: "text",
    marketing_emails: "boolean",
    reminder_emails: "boolean",
    tax_exempt: "boolean",
    payment_terms_days: "integer",
    billing_same_as_booking: "boolean",
  },
  newRow: (profile) => ({
    id: newEntityId("cprof"),
    kind: profile.kind ?? "personal",
    status: profile.status ?? "active",
    status_changed_at: profile.status_changed_at ?? null,
    tags: profile.tags ?? [],
    internal_notes: profile.internal_notes ?? null,
    marketing_emails: profile.marketing_emails ?? false,
    reminder_emails: profile.reminder_emails ?? true,
    tax_exempt: profile.tax_exempt ?? false,
    payment_terms_days: profile.payment_terms_days ?? null,
    billing_same_as_booking: true,
  }),
}

/** An email or number already normalised (normalizeContactMethods). */
export type NewContactMethod = { profile_id: string; kind: ContactMethodKind; value: string; normalized: string; is_primary: boolean }

export const CONTACT_METHOD_TABLE: BulkTable<NewContactMethod> = {
  table: "customer_contact_method",
  columns: { id: "text", profile_id: "text", kind: "text", value: "text", normalized: "text", is_primary: "boolean" },
  newRow: (method) => ({ id: newEntityId("cmeth"), ...method }),
}

/** A line of history, with its actor already split into columns (actorColumns). */
export type NewActivity = {
  customer_id: string
  kind: string
  message: string
  data: Record<string, unknown> | null
  changes: unknown[] | null
  actor: string | null
  actor_type: ActivityActorType
  actor_id: string | null
  actor_name: string | null
}

export const ACTIVITY_TABLE: BulkTable<NewActivity> = {
  table: "customer_activity",
  columns: {
    id: "text",
    customer_id: "text",
    kind: "text",
    message: "text",
    data: "jsonb",
    changes: "jsonb",
    actor: "text",
    actor_type: "text",
    actor_id: "text",
    actor_name: "text",
  },
  newRow: (activity) => ({ id: newEntityId("cact"), ...activity }),
}
