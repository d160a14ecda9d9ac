import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOM_FIELDS_MODULE, type CustomFieldsModuleService } from "../../../modules/custom-fields"
import { type ActivityActor, type ActivityChange, CORE_CUSTOMER_LABELS, describeChanges, describeValue, diffFields, pickFields, plainValue } from "../activity"
import type { ActivityEntry } from "./record-activity"

/** Each as the customer page names it, so a history line reads like the page. */
export const PROFILE_LABELS = {
  kind: "Account type",
  additional_names: "Other names",
  marketing_emails: "News and offers",
  reminder_emails: "Appointment reminders",
  feedback_emails: "Rating requests",
  billing_same_as_booking: "Billing address same as booking address",
  tax_exempt: "Tax exempt",
  tax_rate_override: "Special tax rate",
  payment_terms_days: "Payment terms",
  picture_url: "Profile picture",
} as const

const TRACKED_PROFILE_FIELDS = [...Object.keys(PROFILE_LABELS), "status", "tags", "internal_notes", "email_verified_at"]

/** Everything about a customer that the profile edit can change, to compare before and after. */
export type CustomerState = {
  customer_id: string
  core: Record<string, unknown>
  profile: Record<string, unknown>
  emails: string[]
  phones: string[]
  custom_fields: Record<string, unknown>
  field_labels: Record<string, string>
}

type MethodRow = { kind: string; value: string; is_primary: boolean }

const describeMethod = (method: MethodRow) =>
  method.kind === "email"
    ? `${method.value}${method.is_primary ? " (primary)" : ""}`
    : `${method.value} (${method.kind}${method.is_primary ? ", primary" : ""})`

/** Reads the customer as the activity history compares them; nothing is written. */
export const readCustomerStateStep = createStep("read-customer-state", async (input: { customer_id: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: [
      "id",
      ...Object.keys(CORE_CUSTOMER_LABELS),
      ...TRACKED_PROFILE_FIELDS.map((field) => `customer_profile.${field}`),
      "customer_profile.contact_methods.*",
    ],
    filters: { id: input.customer_id },
  })
  const customer = (data[0] ?? { id: input.customer_id }) as Record<string, unknown> & {
    customer_profile?: (Record<string, unknown> & { contact_methods?: MethodRow[] }) | null
  }
  const profile = customer.customer_profile ?? {}
  const methods = [...(profile.contact_methods ?? [])].sort(
    (a, b) => Number(b.is_primary) - Number(a.is_primary) || a.kind.localeCompare(b.kind) || a.value.localeCompare(b.value)
  )
  const fields: CustomFieldsModuleService = container.resolve(CUSTOM_FIELDS_MODULE)
  const [values, definitions] = await Promise.all([fields.valuesFor("customer", [input.customer_id]), fields.listDefinitions({ target_type: "customer" })])
  const state: CustomerState = {
    customer_id: input.customer_id,
    core: pickFields(customer, CORE_CUSTOMER_LABELS),
    profile: Object.fromEntries(TRACKED_PROFILE_FIELDS.map((field) => [field, plainValue(profile[field])])),
    emails: methods.filter((method) => method.kind === "email").map(describeMethod),
    phones: methods.filter((method) => method.kind !== "email").map(describeMethod),
    custom_fields: { ...(values[input.customer_id] ?? {}) },
    field_labels: Object.fromEntries(definitions.map((field) => [field.key, field.label])),
  }
  return new StepResponse(state)
})

const listDifference = (before: string[], after: string[]) => {
  const added = after.filter((item) => !before.includes(item))
  const removed = before.filter((item) => !after.includes(item))
  return [added.length ? `added ${describeValue(added)}` : "", removed.length ? `removed ${describeValue(removed)}` : ""].filter(Boolean).join("; ")
}

const STATUS_MESSAGES: Record<string, string> = {
  blocked: "Customer blocked: they can't book or sign in to the portal.",
  archived: "Customer archived: their login is switched off and their records are kept.",
}

/**
 * The activity lines for one profile edit, one per part that changed (details, emails and
 * numbers, custom fields, tags, internal notes, status), each with its before/after values.
 */
export function profileChangeEntries(before: CustomerState, after: CustomerState, actor: ActivityActor | null | undefined): ActivityEntry[] {
  const entries: ActivityEntry[] = []
  const customer_id = after.customer_id
  const push = (kind: string, message: string, changes: ActivityChange[], data?: Record<string, unknown>) =>
    entries.push({ customer_id, kind, message, changes, actor, data: data ?? null })

  const details = [...diffFields(before.core, after.core, CORE_CUSTOMER_LABELS), ...diffFields(before.profile, after.profile, PROFILE_LABELS)]
  if (details.length) push("profile_updated", describeChanges("Profile", details), details)

  // A fresh verification of an address already verified is no news.
  const wasVerified = !!before.profile.email_verified_at
  const isVerified = !!after.profile.email_verified_at
  if (wasVerified !== isVerified) {
    const change = { field: "email_verified_at", label: "Email verified", before: before.profile.email_verified_at, after: after.profile.email_verified_at }
    push("email_verified", isVerified ? "Email address verified." : "Email address marked as not verified.", [change])
  }

  const methods = diffFields(before, after, { emails: "Emails", phones: "Phone numbers" } as Record<string, string>)
  if (methods.length) {
    const parts = methods.map((change) => `${change.label}: ${listDifference(change.before as string[], change.after as string[]) || "reordered"}`)
    push("contact_methods_updated", `${parts.join(". ")}.`, methods)
  }

  const keys = [...new Set([...Object.keys(before.custom_fields), ...Object.keys(after.custom_fields)])]
  const labels = Object.fromEntries(keys.map((key) => [key, after.field_labels[key] ?? before.field_labels[key] ?? key]))
  const fields = diffFields(before.custom_fields, after.custom_fields, labels)
  if (fields.length) push("custom_fields_updated", describeChanges("Custom fields", fields), fields)

  const tags = diffFields(before.profile, after.profile, { tags: "Tags" })
  if (tags.length) push("tags_updated", `Tags: ${listDifference((tags[0].before as string[]) ?? [], (tags[0].after as string[]) ?? []) || "reordered"}.`, tags)

  const notes = diffFields(before.profile, after.profile, { internal_notes: "Internal notes" })
  if (notes.length) {
    const message = !notes[0].before ? "Internal note added." : !notes[0].after ? "Internal note removed." : "Internal note edited."
    push("note_updated", message, notes)
  }

  const status = diffFields(before.profile, after.profile, { status: "Status" })
  if (status.length) {
    const from = String(status[0].before ?? "active")
    const to = String(status[0].after ?? "active")
    const message =
      STATUS_MESSAGES[to] ?? (from === "blocked" ? "Customer unblocked." : from === "archived" ? "Customer unarchived." : `Status changed to ${to}.`)
    push("status_changed", message, status, { from, to })
  }
  return entries
}
