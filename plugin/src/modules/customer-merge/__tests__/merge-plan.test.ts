import { describe, expect, it } from "vitest"
import { AdminGetDuplicatesParams, AdminMergeCustomers, encodeDuplicateCursor } from "../../../api/admin/crm/validators"
import type { ContactMethodRow, MergeCount, MergeSide } from "../merge-plan"
import { describeMoved } from "../merge-wording"
import { planAddresses, planContactMethods } from "../plan-contacts-and-addresses"

/** Just the parts of a customer the planning reads. */
const side = (values: { email?: string | null; phone?: string | null; methods?: ContactMethodRow[]; addresses?: MergeSide["addresses"] }): MergeSide =>
  ({
    customer: { id: "cus", email: values.email ?? null, phone: values.phone ?? null },
    profile: { contact_methods: values.methods ?? [] },
    addresses: values.addresses ?? [],
  }) as unknown as MergeSide

const method = (id: string, kind: ContactMethodRow["kind"], value: string, normalized: string, is_primary = false): ContactMethodRow => ({
  id,
  kind,
  value,
  normalized,
  is_primary,
})

describe("merging contact methods", () => {
  it("keeps the kept customer's own email and phone primary, drops repeats and adds the other's as extras", () => {
    const primary = side({
      email: "Pat@Example.test",
      phone: "+44 20 7946 0000",
      methods: [method("p1", "email", "shared@example.test", "shared@example.test"), method("p2", "phone", "+44 1234 567890", "441234567890")],
    })
    const secondary = side({
      email: "sam@example.test",
      phone: "07700 900999",
      methods: [
        method("s1", "email", "shared@example.test", "shared@example.test"),
        method("s2", "email", "pat@example.test", "pat@example.test"),
        method("s3", "mobile", "(01234) 567 890", "01234567890"),
        method("s4", "email", "sam.home@example.test", "sam.home@example.test"),
        method("s5", "phone", "020 7946 0000", "02079460000"),
        method("s6", "mobile", "07700 900111", "07700900111", true),
      ],
    })
    const plan = planContactMethods(primary, secondary)
    // "(01234) 567 890" is "+44 1234 567890" and "020 7946 0000" is the kept customer's own phone.
    expect(plan.drop.sort()).toEqual(["s1", "s2", "s3", "s5"])
    expect(plan.move).toEqual([
      { id: "s4", is_primary: false },
      { id: "s6", is_primary: false },
    ])
    expect(plan.add).toEqual([
      { kind: "email", value: "sam@example.test", normalized: "sam@example.test", is_primary: false },
      { kind: "phone", value: "07700 900999", normalized: "07700900999", is_primary: false },
    ])
  })

  it("compares the other's phone with the kept one in any format, and lets it fill an empty one", () => {
    expect(planContactMethods(side({ phone: "07700 900888" }), side({ phone: "+44 7700 900888" })).add).toEqual([])
    // No phone on the kept customer: the other's becomes the primary (planMerge fills it), not an extra.
    expect(planContactMethods(side({}), side({ phone: "07700 900888" })).add).toEqual([])
  })
})

describe("merging addresses", () => {
  const address = (id: string, billing: boolean, shipping: boolean) => ({
    id,
    address_name: null,
    address_1: "1 Road",
    postal_code: "BS1",
    is_default_billing: billing,
    is_default_shipping: shipping,
  })
  it("keeps the primary's default addresses and the secondary's where the primary has none", () => {
    const primary = side({ addresses: [address("p1", false, true)] })
    const secondary = side({ addresses: [address("s1", true, true), address("s2", false, false)] })
    expect(planAddresses(primary, secondary)).toEqual([
      { id: "s1", is_default_billing: true, is_default_shipping: false },
      { id: "s2", is_default_billing: false, is_default_shipping: false },
    ])
  })
})

describe("the activity line", () => {
  const count = (kind: MergeCount["kind"], moved: number, added = 0) => ({
    kind,
    label: kind,
    primary: 0,
    secondary: moved,
    moved,
    dropped: 0,
    added,
    after: moved + added,
  })
  it("says what moved in words, leaving out logins and links", () => {
    expect(describeMoved([count("addresses", 2), count("bookings", 1), count("contact_methods", 1, 2), count("portal_logins", 1), count("tags", 0)])).toBe(
      "2 addresses, 1 booking and 3 extra emails and phones"
    )
    expect(describeMoved([count("bookings", 0)])).toBe("nothing else")
  })
})

describe("merge and suggestion validators", () => {
  it("refuses the same customer twice, missing and malformed ids, and made-up cursors", () => {
    expect(AdminMergeCustomers.safeParse({ primary_id: "cus_1", secondary_id: "cus_1" }).error?.issues[0].message).toBe(
      "A customer can't be merged with itself: choose two different customers"
    )
    expect(AdminMergeCustomers.safeParse({ primary_id: "cus_1", secondary_id: "cus 2" }).success).toBe(false)
    expect(AdminMergeCustomers.safeParse({ primary_id: "cus_1", secondary_id: "cus_2" }).success).toBe(true)
    const cursor = encodeDuplicateCursor({ stage: 1, key: "7700900123" })!
    expect(AdminGetDuplicatesParams.parse({ cursor })).toEqual({ limit: 20, cursor: { stage: 1, key: "7700900123" } })
    expect(AdminGetDuplicatesParams.safeParse({ cursor: "bm9wZQ" }).success).toBe(false)
    expect(AdminGetDuplicatesParams.safeParse({ cursor: encodeDuplicateCursor({ stage: 7, key: "" })! }).success).toBe(false)
  })
})
