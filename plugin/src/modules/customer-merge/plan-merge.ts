import { STRIPE_PROVIDER_ID } from "../../utils/saved-cards"
import { normalizeEmail, normalizePhone, phoneMatchKey } from "../customer-profile/contact-details"
import { MERGE_KINDS, type MergeConflict, type MergeCount, type MergeKind, type MergePlan, type MergeSide } from "./merge-plan"
import { customerLabel, fullName } from "./merge-wording"
import { planAddresses, planContactMethods } from "./plan-contacts-and-addresses"

const LOGIN_NAMES: Record<string, string> = { emailpass: "password", google: "Google", facebook: "Facebook" }
const empty = (value: unknown) => value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)
const show = (value: unknown): string | null => (empty(value) ? null : typeof value === "boolean" ? (value ? "Yes" : "No") : String(value))
/** Two numbers are one when the duplicate finder would match them ("07700 900888" = "+44 7700 900888"). */
const samePhone = (a: unknown, b: unknown) => {
  const [x, y] = [normalizePhone(String(a ?? "")), normalizePhone(String(b ?? ""))]
  return !!x && !!y && phoneMatchKey(x) === phoneMatchKey(y)
}
type FieldSpec = { field: string; label: string; read: (side: MergeSide) => unknown; same?: (a: unknown, b: unknown) => boolean }

const CUSTOMER_FIELDS: FieldSpec[] = [
  { field: "first_name", label: "First name", read: (side) => side.customer.first_name },
  { field: "last_name", label: "Last name", read: (side) => side.customer.last_name },
  { field: "company_name", label: "Company", read: (side) => side.customer.company_name },
  { field: "phone", label: "Phone", read: (side) => side.customer.phone, same: samePhone },
]

const PROFILE_FIELDS: FieldSpec[] = [
  { field: "kind", label: "Customer type", read: (side) => side.profile?.kind },
  { field: "status", label: "Status", read: (side) => side.profile?.status },
  { field: "marketing_emails", label: "Marketing emails", read: (side) => side.profile?.marketing_emails },
  { field: "reminder_emails", label: "Reminder emails", read: (side) => side.profile?.reminder_emails },
  { field: "tax_exempt", label: "Tax exempt", read: (side) => side.profile?.tax_exempt },
  { field: "tax_rate_override", label: "Special sales tax rate (%)", read: (side) => side.profile?.tax_rate_override },
  { field: "payment_terms_days", label: "Payment terms (days)", read: (side) => side.profile?.payment_terms_days },
  { field: "picture_url", label: "Profile picture", read: (side) => side.profile?.picture_url },
]

/** Each field both customers have: the primary's value stays; an empty one is filled from the secondary. */
function compareFields(specs: FieldSpec[], primary: MergeSide, secondary: MergeSide) {
  const conflicts: MergeConflict[] = []
  const filled: string[] = []
  for (const spec of specs) {
    const mine = spec.read(primary)
    const theirs = spec.read(secondary)
    if (empty(theirs) || show(mine) === show(theirs) || spec.same?.(mine, theirs)) continue
    if (empty(mine)) {
      filled.push(spec.field)
      conflicts.push({ field: spec.field, label: spec.label, primary: null, secondary: show(theirs), kept: "secondary" })
    } else {
      conflicts.push({ field: spec.field, label: spec.label, primary: show(mine), secondary: show(theirs), kept: "primary" })
    }
  }
  return { conflicts, filled }
}

function uniqueCaseless(values: string[]) {
  const seen = new Set<string>()
  return values.filter((value) => {
    const key = value.trim().toLowerCase()
    if (!key || seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** The secondary's custom field values for fields the primary has a value for too. */
export const conflictingCustomValues = (primary: MergeSide, secondary: MergeSide) => {
  const primaryFields = new Set(primary.custom_values.map((value) => value.field_id))
  return secondary.custom_values.filter((value) => primaryFields.has(value.field_id))
}

/**
 * Works out the whole merge from both customers' records (loaded by utils/customer-merge-plan.ts).
 * `customFieldLabels` names the custom fields both customers have a value for.
 */
export function planMerge(primary: MergeSide, secondary: MergeSide, customFieldLabels: Map<string, string>): MergePlan {
  const contactMethods = planContactMethods(primary, secondary)
  const addresses = planAddresses(primary, secondary)

  const customerFields = compareFields(CUSTOMER_FIELDS, primary, secondary)
  const customer_changes: MergePlan["customer_changes"] = {}
  for (const field of customerFields.filled) {
    ;(customer_changes as Record<string, unknown>)[field] = (secondary.customer as unknown as Record<string, unknown>)[field]
  }
  const conflicts: MergeConflict[] = [...customerFields.conflicts]
  if (secondary.customer.email && primary.customer.email && normalizeEmail(secondary.customer.email) !== normalizeEmail(primary.customer.email)) {
    conflicts.push({
      field: "email",
      label: "Account email",
      primary: primary.customer.email,
      secondary: secondary.customer.email,
      kept: "primary",
      note: "The secondary's email is kept as an extra email.",
    })
  }
  const phoneConflict = conflicts.find((conflict) => conflict.field === "phone" && conflict.kept === "primary")
  if (phoneConflict && contactMethods.add.some((method) => method.kind !== "email"))
    phoneConflict.note = "The secondary's phone is kept as an extra phone number."
  if (secondary.customer.metadata) {
    const missing = Object.keys(secondary.customer.metadata).filter((key) => !(key in (primary.customer.metadata ?? {})))
    if (missing.length) {
      customer_changes.metadata = {
        ...Object.fromEntries(missing.map((key) => [key, secondary.customer.metadata![key]])),
        ...(primary.customer.metadata ?? {}),
      }
    }
  }

  // The profile: the primary's values stay, gaps are filled, tags and notes are combined.
  const profile_changes: Record<string, unknown> = {}
  const secondary_profile_changes: Record<string, unknown> = {}
  const profileFields = compareFields(PROFILE_FIELDS, primary, secondary)
  conflicts.push(...profileFields.conflicts)
  for (const field of profileFields.filled) {
    if (field === "picture_url") {
      profile_changes.picture_url = secondary.profile!.picture_url
      profile_changes.picture_file_id = secondary.profile!.picture_file_id
      // The file now belongs to the primary's profile.
      secondary_profile_changes.picture_url = null
      secondary_profile_changes.picture_file_id = null
    } else {
      profile_changes[field] = (secondary.profile as unknown as Record<string, unknown>)[field]
    }
  }
  const billingMoves = addresses.some((address) => address.is_default_billing)
  if (billingMoves && primary.profile && secondary.profile && primary.profile.billing_same_as_booking !== secondary.profile.billing_same_as_booking) {
    // The secondary's billing address becomes the primary's, with its setting.
    profile_changes.billing_same_as_booking = secondary.profile.billing_same_as_booking
    conflicts.push({
      field: "billing_same_as_booking",
      label: "Bill to the booking address",
      primary: show(primary.profile.billing_same_as_booking),
      secondary: show(secondary.profile.billing_same_as_booking),
      kept: "secondary",
      note: "The primary has no billing address; the secondary's moves over with this setting.",
    })
  }
  const primaryName = fullName(primary.customer)
  const secondaryName = fullName(secondary.customer)
  const names = uniqueCaseless([
    ...(primary.profile?.additional_names ?? []),
    ...(secondary.profile?.additional_names ?? []),
    ...(secondaryName && primaryName && secondaryName.toLowerCase() !== primaryName.toLowerCase() ? [secondaryName] : []),
  ]).filter((name) => name.toLowerCase() !== primaryName.toLowerCase())
  if (uniqueCaseless(primary.profile?.additional_names ?? []).length !== names.length) {
    profile_changes.additional_names = names
    conflicts.push({
      field: "additional_names",
      label: "Other names",
      primary: show((primary.profile?.additional_names ?? []).join(", ")),
      secondary: show([secondaryName, ...(secondary.profile?.additional_names ?? [])].filter(Boolean).join(", ")),
      kept: "both",
      note: "The secondary's names are kept as other names, so search still finds them.",
    })
  }
  const primaryTags = primary.profile?.tags ?? []
  const secondaryTags = secondary.profile?.tags ?? []
  const tags = uniqueCaseless([...primaryTags, ...secondaryTags])
  if (tags.length !== uniqueCaseless(primaryTags).length) profile_changes.tags = tags
  if (secondaryTags.length) secondary_profile_changes.tags = []
  const secondaryNotes = secondary.profile?.internal_notes?.trim()
  if (secondaryNotes) {
    const heading = `Notes merged from ${customerLabel(secondary.customer)}${secondary.customer.email ? ` <${secondary.customer.email}>` : ""}:`
    const mine = primary.profile?.internal_notes?.trim()
    profile_changes.internal_notes = mine ? `${mine}\n\n${heading}\n${secondaryNotes}` : `${heading}\n${secondaryNotes}`
    secondary_profile_changes.internal_notes = null
  }

  // Custom field values: the primary's wins; the secondary's fills fields the primary left empty.
  const primaryFields = new Map(primary.custom_values.map((value) => [value.field_id, value]))
  const custom_values: MergePlan["custom_values"] = { move: [], drop: [] }
  for (const value of secondary.custom_values) (primaryFields.has(value.field_id) ? custom_values.drop : custom_values.move).push(value.id)
  for (const value of conflictingCustomValues(primary, secondary)) {
    const mine = primaryFields.get(value.field_id)!.value
    if (show(mine) === show(value.value)) continue
    conflicts.push({
      field: `custom_fields.${value.field_id}`,
      label: customFieldLabels.get(value.field_id) ?? "Custom field",
      primary: show(mine),
      secondary: show(value.value),
      kept: "primary",
    })
  }

  // Payment account holders (for Stripe: the Stripe customer with the saved cards), one per provider.
  const account_holders: MergePlan["account_holders"] = { move: [], unlink: [] }
  const warnings: string[] = []
  for (const holder of secondary.account_holders) {
    const own = primary.account_holders.find((candidate) => candidate.provider_id === holder.provider_id)
    if (!own) {
      account_holders.move.push(holder)
      continue
    }
    account_holders.unlink.push(holder)
    const cards = holder.provider_id === STRIPE_PROVIDER_ID
    conflicts.push({
      field: `account_holder.${holder.provider_id}`,
      label: cards ? "Saved cards (Stripe customer)" : `Payment account (${holder.provider_id})`,
      primary: own.id,
      secondary: holder.id,
      kept: "primary",
      note: cards
        ? "The secondary's saved cards are not carried over (Stripe can't move cards between its customers); payments already taken on them are unaffected."
        : "One payment account per provider: the secondary's is unlinked.",
    })
    if (cards)
      warnings.push(
        "Both customers have a Stripe customer for saved cards. The primary's is kept; the customer will need to add the secondary's cards again to use them."
      )
  }
  if (secondary.login_identity_ids.length) {
    warnings.push(
      `${customerLabel(secondary.customer)}'s portal login (${secondary.login_methods.map((method) => LOGIN_NAMES[method] ?? method).join(", ")}) is removed with them.` +
        (primary.login_identity_ids.length ? "" : " The primary has no portal login yet: send them a portal invite after the merge.")
    )
  }

  const primaryGroups = new Set(primary.group_ids)
  const groups = { add: secondary.group_ids.filter((id) => !primaryGroups.has(id)), remove: secondary.group_ids }

  const count = (kind: MergeKind, p: number, s: number, extra: Partial<Pick<MergeCount, "moved" | "dropped" | "added" | "after">> = {}): MergeCount => {
    const moved = extra.moved ?? s
    const dropped = extra.dropped ?? s - moved
    const added = extra.added ?? 0
    return { kind, label: MERGE_KINDS[kind], primary: p, secondary: s, moved, dropped, added, after: extra.after ?? p + moved + added }
  }
  const counts: MergeCount[] = [
    count("addresses", primary.addresses.length, secondary.addresses.length),
    count("customer_groups", primary.group_ids.length, secondary.group_ids.length, { moved: groups.add.length }),
    count("business_profiles", primary.business_profile_ids.length, secondary.business_profile_ids.length),
    count("additional_contacts", primary.profile?.additional_contact_ids.length ?? 0, secondary.profile?.additional_contact_ids.length ?? 0),
    count("contact_methods", primary.profile?.contact_methods.length ?? 0, secondary.profile?.contact_methods.length ?? 0, {
      moved: contactMethods.move.length,
      added: contactMethods.add.length,
    }),
    count("dependents", primary.dependent_ids.length, secondary.dependent_ids.length),
    count("custom_field_values", primary.custom_values.length, secondary.custom_values.length, { moved: custom_values.move.length }),
    count("tags", uniqueCaseless(primaryTags).length, secondaryTags.length, { moved: tags.length - uniqueCaseless(primaryTags).length }),
    count("internal_notes", primary.profile?.internal_notes?.trim() ? 1 : 0, secondaryNotes ? 1 : 0, {
      moved: secondaryNotes ? 1 : 0,
      after: primary.profile?.internal_notes?.trim() || secondaryNotes ? 1 : 0,
    }),
    count("bookings", primary.booking_ids.length, secondary.booking_ids.length),
    count("booking_series", primary.series_ids.length, secondary.series_ids.length),
    count("invoices", primary.invoice_ids.length, secondary.invoice_ids.length),
    count("orders", primary.order_ids.length, secondary.order_ids.length),
    count("carts", primary.cart_ids.length, secondary.cart_ids.length),
    count("payment_account_holders", primary.account_holders.length, secondary.account_holders.length, { moved: account_holders.move.length }),
    count("notifications", primary.notification_ids.length, secondary.notification_ids.length),
    count("activity", primary.activity_ids.length, secondary.activity_ids.length),
    count("portal_logins", primary.login_identity_ids.length, secondary.login_identity_ids.length, { moved: 0 }),
    count("portal_links", primary.account_token_ids.length, secondary.account_token_ids.length, { moved: 0 }),
    // Two general conversations become the primary's one, with the secondary's messages in it.
    count("conversations", primary.conversations.length, secondary.conversations.length, {
      after: primary.conversations.length + secondary.conversations.length - (hasGeneral(primary) && hasGeneral(secondary) ? 1 : 0),
    }),
    count("complaints", primary.complaint_ids.length, secondary.complaint_ids.length),
    count("ratings", primary.rating_ids.length, secondary.rating_ids.length),
  ]

  return {
    primary,
    secondary,
    customer_changes,
    profile_changes,
    secondary_profile_changes,
    contact_methods: contactMethods,
    addresses,
    groups,
    custom_values,
    account_holders,
    counts,
    conflicts,
    warnings,
  }
}

const hasGeneral = (side: MergeSide) => side.conversations.some((conversation) => conversation.subject_type === "general")
