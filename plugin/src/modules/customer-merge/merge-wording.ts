import type { MergeCount, MergeCustomer, MergePlan, MergeSide } from "./merge-plan"

/*
 * How a merge is put in words: the customers' names, the preview's picture of each, and the
 * lines both customers' activity histories get.
 */

export const fullName = (customer: Pick<MergeCustomer, "first_name" | "last_name">) =>
  [customer.first_name, customer.last_name]
    .filter((part) => part?.trim())
    .join(" ")
    .trim()
export const customerLabel = (customer: MergeCustomer) => fullName(customer) || customer.email || customer.id

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

/** An activity line as the customer-profile activity table takes it (the actor is the staff member's email). */
export type MergeActivityLine = {
  customer_id: string
  kind: string
  message: string
  data: Record<string, unknown>
  actor: string | null
}

const NOUNS: Partial<Record<MergeCount["kind"], [string, string]>> = {
  addresses: ["address", "addresses"],
  customer_groups: ["customer group", "customer groups"],
  business_profiles: ["business profile", "business profiles"],
  additional_contacts: ["additional contact", "additional contacts"],
  contact_methods: ["extra email or phone", "extra emails and phones"],
  dependents: ["dependent", "dependents"],
  custom_field_values: ["custom field value", "custom field values"],
  tags: ["tag", "tags"],
  internal_notes: ["internal note", "internal notes"],
  bookings: ["booking", "bookings"],
  orders: ["order", "orders"],
  carts: ["cart", "carts"],
  payment_account_holders: ["saved-card account", "saved-card accounts"],
  notifications: ["notification", "notifications"],
  activity: ["activity entry", "activity entries"],
  conversations: ["conversation", "conversations"],
  complaints: ["complaint", "complaints"],
  ratings: ["rating", "ratings"],
}

/** "2 addresses, 1 booking and 3 notifications", or "nothing else". */
export function describeMoved(counts: MergeCount[]) {
  const parts = counts.flatMap((count) => {
    const noun = NOUNS[count.kind]
    const n = count.moved + count.added
    return noun && n > 0 ? [`${n} ${noun[n === 1 ? 0 : 1]}`] : []
  })
  if (!parts.length) return "nothing else"
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`
}

/** Both customers' history lines about the merge, by the staff member. */
export function mergeActivityEntries(plan: MergePlan, actor: string | null, mergeId: string): MergeActivityLine[] {
  const primary = customerLabel(plan.primary.customer)
  const secondary = customerLabel(plan.secondary.customer)
  const secondaryEmail = plan.secondary.customer.email ? ` (${plan.secondary.customer.email})` : ""
  return [
    {
      customer_id: plan.primary.customer.id,
      kind: "customer_merged",
      message: `Merged ${secondary}${secondaryEmail} into this customer: ${describeMoved(plan.counts)} moved here.`,
      data: { merge_id: mergeId, secondary_id: plan.secondary.customer.id, counts: plan.counts, conflicts: plan.conflicts },
      actor,
    },
    {
      customer_id: plan.secondary.customer.id,
      kind: "customer_merged_into",
      message: `Merged into ${primary}${plan.primary.customer.email ? ` (${plan.primary.customer.email})` : ""}; this customer was deleted.`,
      data: { merge_id: mergeId, primary_id: plan.primary.customer.id },
      actor,
    },
  ]
}
