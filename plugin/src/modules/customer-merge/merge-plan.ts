import type { ContactMethodKind } from "../customer-profile/models/contact-method"

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
export type AddressRow = {
  id: string
  address_name: string | null
  address_1: string | null
  postal_code: string | null
  is_default_billing: boolean
  is_default_shipping: boolean
}
export type ProfileRow = {
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
export type CustomValueRow = { id: string; field_id: string; value: unknown }
export type AccountHolderRow = { id: string; provider_id: string }

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
  /** Repeat visits, and invoices filed under the customer or paid by them. */
  series_ids: string[]
  invoice_ids: string[]
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
  /** Conversations with the office (at most one general one), complaints, ratings and visit reminders. */
  conversations: { id: string; subject_type: string }[]
  complaint_ids: string[]
  rating_ids: string[]
  visit_reminder_ids: string[]
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
  booking_series: "Repeat visits",
  invoices: "Invoices (their own and those they pay)",
  orders: "Orders",
  carts: "Carts",
  payment_account_holders: "Saved-card accounts",
  notifications: "Notifications and messages",
  activity: "Activity entries",
  portal_logins: "Portal logins",
  portal_links: "Portal links (invites, email confirmations)",
  conversations: "Conversations (the general ones become one)",
  complaints: "Complaints",
  ratings: "Ratings",
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
