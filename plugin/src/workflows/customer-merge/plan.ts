import type {
  IAuthModuleService,
  ICartModuleService,
  ICustomerModuleService,
  INotificationModuleService,
  IOrderModuleService,
  MedusaContainer,
} from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { BOOKING_MODULE, type BookingModuleService } from "../../modules/booking"
import { BUSINESS_PROFILE_MODULE, type BusinessProfileModuleService } from "../../modules/business-profile"
import { CUSTOM_FIELDS_MODULE, type CustomFieldsModuleService } from "../../modules/custom-fields"
import { CUSTOMER_PROFILE_MODULE, type CustomerProfileModuleService } from "../../modules/customer-profile"
import { normalizeEmail, normalizePhone } from "../../modules/customer-profile/contact-details"
import type { ContactMethodKind } from "../../modules/customer-profile/models/contact-method"
import { DEPENDENTS_MODULE, type DependentsModuleService } from "../../modules/dependents"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../modules/portal-access"
import { STRIPE_PROVIDER_ID } from "../../utils/saved-cards"

/**
 * What merging one customer (the secondary) into another (the primary) does, worked out from
 * both customers' records. The preview shows it; the merge workflow carries it out.
 */

export type MergeCustomer = {
  id: string
  email: string | null
  first_name: string | null
  last_name: string | null
  phone: string | null
  company_name: string | null
  has_account: boolean
  metadata: Record<string, unknown> | null
  created_at: string
}

export type ContactMethodRow = { id: string; kind: ContactMethodKind; value: string; normalized: string; is_primary: boolean }
type AddressRow = {
  id: string
  address_name: string | null
  address_1: string | null
  postal_code: string | null
  is_default_billing: boolean
  is_default_shipping: boolean
}
type ProfileRow = {
  id: string
  kind: string
  status: string
  additional_names: string[] | null
  picture_file_id: string | null
  picture_url: string | null
  billing_same_as_booking: boolean
  marketing_emails: boolean
  reminder_emails: boolean
  tax_exempt: boolean
  tax_rate_override: number | null
  payment_terms_days: number | null
  internal_notes: string | null
  tags: string[] | null
  contact_methods: ContactMethodRow[]
  additional_contact_ids: string[]
}
type CustomValueRow = { id: string; field_id: string; value: unknown }
type AccountHolderRow = { id: string; provider_id: string }

/** Everything that belongs to one customer. */
export type MergeSide = {
  customer: MergeCustomer
  profile: ProfileRow | null
  addresses: AddressRow[]
  group_ids: string[]
  business_profile_ids: string[]
  dependent_ids: string[]
  custom_values: CustomValueRow[]
  booking_ids: string[]
  order_ids: string[]
  /** The addresses copied onto its orders and carts, which carry its id too. */
  order_address_ids: string[]
  cart_ids: string[]
  cart_address_ids: string[]
  account_holders: AccountHolderRow[]
  /** Notifications (emails, portal notices) whose receiver is the customer. */
  notification_ids: string[]
  activity_ids: string[]
  login_identity_ids: string[]
  login_methods: string[]
  account_token_ids: string[]
}

export type AddressMove = { id: string; is_default_billing: boolean; is_default_shipping: boolean }
export type NewContactMethod = Omit<ContactMethodRow, "id">

export type MergeConflict = {
  field: string
  label: string
  primary: string | null
  secondary: string | null
  /** Whose value the primary ends up with ("both": the two are combined). */
  kept: "primary" | "secondary" | "both"
  note?: string
}

export const MERGE_KINDS = {
  addresses: "Addresses",
  customer_groups: "Customer groups",
  business_profiles: "Business profiles",
  additional_contacts: "Additional contacts",
  contact_methods: "Extra emails and phone numbers",
  dependents: "Dependents",
  custom_field_values: "Custom field values",
  tags: "Tags",
  internal_notes: "Internal notes",
  bookings: "Bookings",
  orders: "Orders",
  carts: "Carts",
  payment_account_holders: "Saved-card accounts",
  notifications: "Notifications and messages",
  activity: "Activity entries",
  portal_logins: "Portal logins",
  portal_links: "Portal links (invites, email confirmations)",
} as const
export type MergeKind = keyof typeof MERGE_KINDS

/**
 * One kind of record: how many each customer has, how many of the secondary's move to the
 * primary, how many are dropped (exact duplicates, values the primary already has, logins) and how
 * many are added (the secondary's account email and phone as extra ones); `after` is the primary's.
 */
export type MergeCount = {
  kind: MergeKind
  label: string
  primary: number
  secondary: number
  moved: number
  dropped: number
  added: number
  after: number
}

export type MergePlan = {
  primary: MergeSide
  secondary: MergeSide
  customer_changes: Partial<Pick<MergeCustomer, "first_name" | "last_name" | "phone" | "company_name" | "metadata">>
  profile_changes: Record<string, unknown>
  /** What the secondary's profile gives up (tags, notes, picture moved to the primary). */
  secondary_profile_changes: Record<string, unknown>
  contact_methods: { move: { id: string; is_primary: boolean }[]; drop: string[]; add: NewContactMethod[] }
  addresses: AddressMove[]
  groups: { add: string[]; remove: string[] }
  custom_values: { move: string[]; drop: string[] }
  account_holders: { move: AccountHolderRow[]; unlink: AccountHolderRow[] }
  counts: MergeCount[]
  conflicts: MergeConflict[]
  warnings: string[]
}

const ids = (rows: { id: string }[]) => rows.map((row) => row.id)
const LOGIN_NAMES: Record<string, string> = { emailpass: "password", google: "Google", facebook: "Facebook" }
const fullName = (customer: Pick<MergeCustomer, "first_name" | "last_name">) =>
  [customer.first_name, customer.last_name].filter((part) => part?.trim()).join(" ").trim()
export const customerLabel = (customer: MergeCustomer) => fullName(customer) || customer.email || customer.id
const empty = (value: unknown) => value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)
const show = (value: unknown): string | null =>
  empty(value) ? null : typeof value === "boolean" ? (value ? "Yes" : "No") : String(value)

/** The customer as stored, or why it can't take part in a merge (unknown → 404, deleted → 400). */
async function findLiveCustomer(container: MedusaContainer, id: string, role: "primary" | "secondary"): Promise<MergeCustomer> {
  const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
  const [customer] = await customers.listCustomers({ id }, { withDeleted: true, take: 1 })
  if (!customer) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No customer with id ${id} (the ${role} customer)`)
  if (customer.deleted_at) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${customerLabel(customer as unknown as MergeCustomer)} (the ${role} customer) was deleted on ${new Date(customer.deleted_at).toISOString().slice(0, 10)} and can't be merged. Restore them first if they are needed.`
    )
  }
  return {
    id: customer.id,
    email: customer.email ?? null,
    first_name: customer.first_name ?? null,
    last_name: customer.last_name ?? null,
    phone: customer.phone ?? null,
    company_name: customer.company_name ?? null,
    has_account: !!customer.has_account,
    metadata: (customer.metadata as Record<string, unknown> | null) ?? null,
    created_at: new Date(customer.created_at as unknown as string).toISOString(),
  }
}

/** Every record of the customer that a merge moves. */
export async function loadMergeSide(container: MedusaContainer, customer: MergeCustomer): Promise<MergeSide> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const customerId = customer.id
  const { data } = await query.graph({
    entity: "customer",
    fields: [
      "id",
      "addresses.id",
      "addresses.address_name",
      "addresses.address_1",
      "addresses.postal_code",
      "addresses.is_default_billing",
      "addresses.is_default_shipping",
      "groups.id",
      "account_holders.id",
      "account_holders.provider_id",
      "customer_profile.*",
      "customer_profile.contact_methods.*",
      "customer_profile.additional_contacts.id",
    ],
    filters: { id: customerId },
  })
  const row = data[0] as unknown as {
    addresses?: AddressRow[]
    groups?: { id: string }[]
    account_holders?: (AccountHolderRow | null)[]
    customer_profile?: (Omit<ProfileRow, "contact_methods" | "additional_contact_ids"> & {
      contact_methods?: ContactMethodRow[]
      additional_contacts?: { id: string }[]
    }) | null
  }
  const businessProfiles: BusinessProfileModuleService = container.resolve(BUSINESS_PROFILE_MODULE)
  const dependents: DependentsModuleService = container.resolve(DEPENDENTS_MODULE)
  const customFields: CustomFieldsModuleService = container.resolve(CUSTOM_FIELDS_MODULE)
  const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
  const orders: IOrderModuleService = container.resolve(Modules.ORDER)
  const carts: ICartModuleService = container.resolve(Modules.CART)
  const notifications: INotificationModuleService = container.resolve(Modules.NOTIFICATION)
  const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
  const auth: IAuthModuleService = container.resolve(Modules.AUTH)
  const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
  const [bizProfiles, deps, values, bookingRows, orderRows, cartRows, notificationRows, activityRows, identities, tokens] = await Promise.all([
    businessProfiles.listBusinessProfiles({ customer_id: customerId }, { select: ["id"] }),
    dependents.listDependents({ customer_id: customerId }, { select: ["id"] }),
    customFields.listCustomFieldValues({ owner_type: "customer", owner_id: customerId }, { select: ["id", "field_id", "value"] }),
    bookings.listBookings({ customer_id: customerId }, { select: ["id"] }),
    orders.listOrders({ customer_id: customerId }, { select: ["id"] }),
    carts.listCarts({ customer_id: customerId }, { select: ["id", "shipping_address_id", "billing_address_id"] }),
    notifications.listNotifications({ receiver_id: customerId }, { select: ["id"] }),
    profiles.listCustomerActivities({ customer_id: customerId }, { select: ["id"] }),
    auth.listAuthIdentities({ app_metadata: { customer_id: customerId } } as never, { relations: ["provider_identities"] }),
    portal.listAccountTokens({ customer_id: customerId }, { select: ["id"] }),
  ])
  // Cart addresses have no index on customer_id: read them through the customer's carts.
  const cartAddressIds = (cartRows as unknown as { shipping_address_id?: string | null; billing_address_id?: string | null }[])
    .flatMap((cart) => [cart.shipping_address_id, cart.billing_address_id])
    .filter((id): id is string => !!id)
  const [orderAddresses, cartAddresses] = await Promise.all([
    orders.listOrderAddresses({ customer_id: customerId } as never, { select: ["id"] }),
    cartAddressIds.length ? carts.listAddresses({ id: cartAddressIds }, { select: ["id", "customer_id"] }) : Promise.resolve([]),
  ])
  const profile = row?.customer_profile ?? null
  return {
    customer,
    profile: profile
      ? {
          ...profile,
          contact_methods: profile.contact_methods ?? [],
          additional_contact_ids: ids(profile.additional_contacts ?? []),
        }
      : null,
    addresses: row?.addresses ?? [],
    group_ids: ids(row?.groups ?? []),
    business_profile_ids: ids(bizProfiles),
    dependent_ids: ids(deps),
    custom_values: values as unknown as CustomValueRow[],
    booking_ids: ids(bookingRows),
    order_ids: ids(orderRows),
    order_address_ids: ids(orderAddresses),
    cart_ids: ids(cartRows),
    cart_address_ids: ids(cartAddresses.filter((address) => address.customer_id === customerId)),
    account_holders: (row?.account_holders ?? []).filter((holder): holder is AccountHolderRow => !!holder),
    notification_ids: ids(notificationRows),
    activity_ids: ids(activityRows),
    login_identity_ids: ids(identities),
    login_methods: [...new Set(identities.flatMap((identity) => identity.provider_identities?.map((p) => p.provider) ?? []))],
    account_token_ids: ids(tokens),
  }
}

/** The primary's extra emails and numbers after the merge: the secondary's join them, exact duplicates dropped. */
export function planContactMethods(primary: MergeSide, secondary: MergeSide): MergePlan["contact_methods"] {
  const group = (kind: ContactMethodKind) => (kind === "email" ? "email" : "number")
  const known = new Set<string>()
  const hasPrimary = new Set<string>()
  for (const method of primary.profile?.contact_methods ?? []) {
    known.add(`${group(method.kind)}:${method.normalized}`)
    if (method.is_primary) hasPrimary.add(group(method.kind))
  }
  if (primary.customer.email) known.add(`email:${normalizeEmail(primary.customer.email)}`)
  const primaryPhone = primary.customer.phone ? normalizePhone(primary.customer.phone) : null
  if (primaryPhone) known.add(`number:${primaryPhone}`)

  const plan: MergePlan["contact_methods"] = { move: [], drop: [], add: [] }
  const take = (kind: ContactMethodKind, normalized: string, wantsPrimary: boolean) => {
    const key = `${group(kind)}:${normalized}`
    if (known.has(key)) return null
    known.add(key)
    // One primary email and one primary number: the primary customer's stay primary.
    const isPrimary = wantsPrimary && !hasPrimary.has(group(kind))
    if (isPrimary) hasPrimary.add(group(kind))
    return { is_primary: isPrimary }
  }
  const ordered = [...(secondary.profile?.contact_methods ?? [])].sort((a, b) => Number(b.is_primary) - Number(a.is_primary))
  for (const method of ordered) {
    const taken = take(method.kind, method.normalized, method.is_primary)
    if (taken) plan.move.push({ id: method.id, ...taken })
    else plan.drop.push(method.id)
  }
  // The secondary's account email and phone stay reachable as extra ones on the primary.
  if (secondary.customer.email) {
    const normalized = normalizeEmail(secondary.customer.email)
    const taken = take("email", normalized, true)
    if (taken) plan.add.push({ kind: "email", value: normalized, normalized, ...taken })
  }
  const phone = secondary.customer.phone ? normalizePhone(secondary.customer.phone) : null
  if (phone) {
    const taken = take("phone", phone, true)
    if (taken) plan.add.push({ kind: "phone", value: secondary.customer.phone!.trim().replace(/\s+/g, " "), normalized: phone, ...taken })
  }
  return plan
}

/** The secondary's addresses move; its default billing/shipping address stays default only if the primary has none. */
export function planAddresses(primary: MergeSide, secondary: MergeSide): AddressMove[] {
  const billing = primary.addresses.some((address) => address.is_default_billing)
  const shipping = primary.addresses.some((address) => address.is_default_shipping)
  return secondary.addresses.map((address) => ({
    id: address.id,
    is_default_billing: address.is_default_billing && !billing,
    is_default_shipping: address.is_default_shipping && !shipping,
  }))
}

type FieldSpec = { field: string; label: string; read: (side: MergeSide) => unknown }

const CUSTOMER_FIELDS: FieldSpec[] = [
  { field: "first_name", label: "First name", read: (side) => side.customer.first_name },
  { field: "last_name", label: "Last name", read: (side) => side.customer.last_name },
  { field: "company_name", label: "Company", read: (side) => side.customer.company_name },
  { field: "phone", label: "Phone", read: (side) => side.customer.phone },
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
    if (empty(theirs) || show(mine) === show(theirs)) continue
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

/** Works out the whole merge from both customers' records (read again by the workflow once it holds the locks). */
export async function planCustomerMerge(container: MedusaContainer, input: { primary_id: string; secondary_id: string }): Promise<MergePlan> {
  if (input.primary_id === input.secondary_id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "A customer can't be merged with itself: choose two different customers")
  }
  const [primaryCustomer, secondaryCustomer] = await Promise.all([
    findLiveCustomer(container, input.primary_id, "primary"),
    findLiveCustomer(container, input.secondary_id, "secondary"),
  ])
  const [primary, secondary] = await Promise.all([loadMergeSide(container, primaryCustomer), loadMergeSide(container, secondaryCustomer)])
  const customFields: CustomFieldsModuleService = container.resolve(CUSTOM_FIELDS_MODULE)

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
  if (phoneConflict && contactMethods.add.some((method) => method.kind !== "email")) phoneConflict.note = "The secondary's phone is kept as an extra phone number."
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
  const conflictingValues = secondary.custom_values.filter((value) => primaryFields.has(value.field_id))
  for (const value of secondary.custom_values) (primaryFields.has(value.field_id) ? custom_values.drop : custom_values.move).push(value.id)
  if (conflictingValues.length) {
    const fields = await customFields.listCustomFields(
      { id: conflictingValues.map((value) => value.field_id) },
      { select: ["id", "label"], withDeleted: true }
    )
    const labels = new Map(fields.map((field) => [field.id, field.label as string]))
    for (const value of conflictingValues) {
      const mine = primaryFields.get(value.field_id)!.value
      if (show(mine) === show(value.value)) continue
      conflicts.push({
        field: `custom_fields.${value.field_id}`,
        label: labels.get(value.field_id) ?? "Custom field",
        primary: show(mine),
        secondary: show(value.value),
        kept: "primary",
      })
    }
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
    if (cards) warnings.push("Both customers have a Stripe customer for saved cards. The primary's is kept; the customer will need to add the secondary's cards again to use them.")
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
    count("orders", primary.order_ids.length, secondary.order_ids.length),
    count("carts", primary.cart_ids.length, secondary.cart_ids.length),
    count("payment_account_holders", primary.account_holders.length, secondary.account_holders.length, { moved: account_holders.move.length }),
    count("notifications", primary.notification_ids.length, secondary.notification_ids.length),
    count("activity", primary.activity_ids.length, secondary.activity_ids.length),
    count("portal_logins", primary.login_identity_ids.length, secondary.login_identity_ids.length, { moved: 0 }),
    count("portal_links", primary.account_token_ids.length, secondary.account_token_ids.length, { moved: 0 }),
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

/** The preview's (and the merge answer's) picture of a customer. */
export const describeMergeCustomer = (side: MergeSide) => ({
  id: side.customer.id,
  name: fullName(side.customer) || null,
  email: side.customer.email,
  phone: side.customer.phone,
  company_name: side.customer.company_name,
  created_at: side.customer.created_at,
  status: side.profile?.status ?? "active",
  login_methods: side.login_methods,
})
