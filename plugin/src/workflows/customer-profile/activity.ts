import { activityValueText } from "@fieldservice/contract"
import type { ActivityActorType } from "../../modules/customer-profile/models/customer-activity"

/** Who made a change: a staff member (name and email), the customer themselves, or the system. */
export type ActivityActor = {
  type: ActivityActorType
  /** The staff user's id or the customer's id. */
  id?: string | null
  name?: string | null
  email?: string | null
}

export const SYSTEM_ACTOR: ActivityActor = { type: "system" }

/** One edited field for "View changes". */
export type ActivityChange = { field: string; label: string; before: unknown; after: unknown }

/** The actor columns of an activity line; a plain string is a staff member's email (older callers). */
export function actorColumns(actor: ActivityActor | string | null | undefined) {
  if (typeof actor === "string") return { actor, actor_type: "staff" as const, actor_id: null, actor_name: actor }
  if (!actor || actor.type === "system") return { actor: null, actor_type: "system" as const, actor_id: null, actor_name: actor?.name ?? null }
  if (actor.type === "staff") {
    return { actor: actor.email ?? null, actor_type: "staff" as const, actor_id: actor.id ?? null, actor_name: actor.name || actor.email || null }
  }
  return { actor: null, actor_type: "customer" as const, actor_id: actor.id ?? null, actor_name: actor.name ?? null }
}

/** Values as they are compared and stored: dates as ISO text, blanks as null. */
export function plainValue(value: unknown): unknown {
  if (value === undefined || value === "") return null
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map(plainValue)
  return value
}

const same = (a: unknown, b: unknown) => JSON.stringify(plainValue(a)) === JSON.stringify(plainValue(b))

/** The fields of `labels` whose values differ between the two records, in the order of `labels`. */
export function diffFields(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
  labels: Record<string, string>
): ActivityChange[] {
  const changes: ActivityChange[] = []
  for (const [field, label] of Object.entries(labels)) {
    const was = before ? before[field] : null
    const now = after ? after[field] : null
    if (!same(was, now)) changes.push({ field, label, before: plainValue(was), after: plainValue(now) })
  }
  return changes
}

/**
 * A value inside a sentence: “text”, Yes/No, or "nothing"; given its field, in the page's words
 * (“Business”, “United Kingdom”, a new picture).
 */
export function describeValue(value: unknown, field?: string, side: "before" | "after" = "after"): string {
  const plain = plainValue(value)
  if (plain === null) return "nothing"
  const text = field ? activityValueText(field, plain, side) : null
  if (text) return `“${text}”`
  if (typeof plain === "boolean") return plain ? "Yes" : "No"
  if (Array.isArray(plain)) return plain.length ? plain.map((item) => `“${String(item)}”`).join(", ") : "nothing"
  return `“${String(plain)}”`
}

/** "First name changed from “Ann” to “Anne”." for one change, "Profile updated: first name, phone." for several. */
export function describeChanges(subject: string, changes: ActivityChange[]): string {
  if (changes.length === 1) {
    const [change] = changes
    return `${change.label} changed from ${describeValue(change.before, change.field, "before")} to ${describeValue(change.after, change.field)}.`
  }
  return `${subject} updated: ${changes.map((change) => change.label.toLowerCase()).join(", ")}.`
}

export function personName(person: object | null | undefined): string {
  const { first_name, last_name } = (person ?? {}) as { first_name?: unknown; last_name?: unknown }
  return [first_name, last_name].filter((part) => typeof part === "string" && part.trim()).join(" ")
}

// ---- What the core customer record and its addresses hold ------------------------------------

export const CORE_CUSTOMER_LABELS = {
  first_name: "First name",
  last_name: "Last name",
  email: "Email",
  phone: "Phone",
  company_name: "Company",
} as const

export const ADDRESS_LABELS = {
  address_name: "Label",
  first_name: "First name",
  last_name: "Last name",
  company: "Company",
  // As the address form names them.
  address_1: "Address",
  address_2: "Address line 2",
  city: "Town or city",
  province: "County or state",
  postal_code: "Postcode",
  country_code: "Country",
  phone: "Phone",
  is_default_billing: "Default billing address",
  is_default_shipping: "Default shipping address",
} as const

export type CoreCustomerState = Record<keyof typeof CORE_CUSTOMER_LABELS, unknown> & { id: string }
export type AddressState = Record<keyof typeof ADDRESS_LABELS, unknown> & { id: string; customer_id: string }

export const pickFields = <K extends string>(record: Record<string, unknown>, labels: Record<K, string>) =>
  Object.fromEntries(Object.keys(labels).map((key) => [key, plainValue(record[key])])) as Record<K, unknown>

/** "12 High Street, Bath" — how an address is named in a sentence. */
export function addressLine(address: Record<string, unknown> | null | undefined): string {
  if (!address) return "an address"
  const parts = [address.address_name, address.address_1, address.city, address.postal_code]
    .filter((part): part is string => typeof part === "string" && !!part.trim())
    .map((part) => part.trim())
  return parts.length ? [...new Set(parts)].join(", ") : "an address"
}

// ---- Edits made through Medusa's own customer routes ------------------------------------------

/**
 * Registered in the request's container by a middleware on Medusa's customer routes (see
 * api/utils/activity-actor.ts): who is asking, and the customer and addresses as they were
 * before, for the core workflow hooks to write before/after values.
 */
export const ACTIVITY_REQUEST_CONTEXT = "customerActivityRequestContext"

export type ActivityRequestContext = {
  actor: ActivityActor
  customers: Record<string, CoreCustomerState>
  addresses: Record<string, AddressState>
}
