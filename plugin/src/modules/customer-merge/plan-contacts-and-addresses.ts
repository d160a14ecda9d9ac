import { normalizeEmail, normalizePhone } from "../customer-profile/contact-details"
import type { ContactMethodKind } from "../customer-profile/models/contact-method"
import type { AddressMove, MergePlan, MergeSide } from "./merge-plan"

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
