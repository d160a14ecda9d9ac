import type { ActivityEntry } from "../customer-profile/steps/record-activity"
import { customerLabel, type MergeCount, type MergePlan } from "./plan"

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
export function mergeActivityEntries(plan: MergePlan, actor: string | null, mergeId: string): ActivityEntry[] {
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
