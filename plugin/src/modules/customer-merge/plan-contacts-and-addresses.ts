import { normalizeEmail, normalizePhone, phoneMatchKey } from "../customer-profile/contact-details"
import type { ContactMethodKind } from "../customer-profile/models/contact-method"
import type { AddressMove, MergePlan, MergeSide } from "./merge-plan"

/** Emails compare without case, numbers on their last 10 digits ("07700 900888" = "+44 7700 900888"). */
const key = (kind: ContactMethodKind, normalized: string) => (kind === "email" ? `email:${normalized}` : `number:${phoneMatchKey(normalized)}`)

/**
 * The primary's extra emails and numbers after the merge. The primary customer's own email and
 * phone stay the primary ones; the secondary's own email and phone, and its extras, join the
 * list as extras (its phone fills the primary's only when the primary has none: then it is the
 * primary phone, planMerge's `customer_changes`). Anything the primary already has is dropped.
 */
export function planContactMethods(primary: MergeSide, secondary: MergeSide): MergePlan["contact_methods"] {
  const known = new Set<string>()
  for (const method of primary.profile?.contact_methods ?? []) known.add(key(method.kind, method.normalized))
  if (primary.customer.email) known.add(key("email", normalizeEmail(primary.customer.email)))
  const secondaryPhone = secondary.customer.phone ? normalizePhone(secondary.customer.phone) : null
  const primaryPhone = primary.customer.phone ? normalizePhone(primary.customer.phone) : secondaryPhone
  if (primaryPhone) known.add(key("phone", primaryPhone))

  const plan: MergePlan["contact_methods"] = { move: [], drop: [], add: [] }
  const isNew = (kind: ContactMethodKind, normalized: string) => {
    if (known.has(key(kind, normalized))) return false
    known.add(key(kind, normalized))
    return true
  }
  for (const method of secondary.profile?.contact_methods ?? []) {
    if (isNew(method.kind, method.normalized)) plan.move.push({ id: method.id, is_primary: false })
    else plan.drop.push(method.id)
  }
  if (secondary.customer.email) {
    const normalized = normalizeEmail(secondary.customer.email)
    if (isNew("email", normalized)) plan.add.push({ kind: "email", value: normalized, normalized, is_primary: false })
  }
  if (secondaryPhone && isNew("phone", secondaryPhone)) {
    plan.add.push({ kind: "phone", value: secondary.customer.phone!.trim().replace(/\s+/g, " "), normalized: secondaryPhone, is_primary: false })
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
