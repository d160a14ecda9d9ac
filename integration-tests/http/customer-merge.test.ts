import { randomUUID } from "node:crypto"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { CUSTOMER_ACCOUNT_HOLDER_LINK_TABLE, PROFILE_LINK_TABLE } from "../../plugin/src/db/tables"
import { adminToken, api, eventually, login, signUpCustomer, uniqueEmail } from "../support/api"
import { createFieldworker } from "../support/bookings"
import { sql } from "../support/db"
import { saveCard, TEST_CARDS } from "../support/stripe"

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
type Window = { starts_at: string; ends_at: string; remaining: number }
type Count = { kind: string; primary: number; secondary: number; moved: number; dropped: number; added: number; after: number }
type Conflict = { field: string; label: string; primary: string | null; secondary: string | null; kept: string; note?: string }

const bristol = { address_1: "14 Larch Avenue", city: "Bristol", postal_code: "BS6 7QT", country_code: "gb" }
const suffix = () => randomUUID().slice(0, 8)
/** A UK mobile number no other test uses: "+44 7" and 9 random digits. */
const uniqueMobile = () => `+44 7${String(Math.floor(Math.random() * 1e9)).padStart(9, "0")}`

let admin: string

beforeAll(async () => {
  admin = await adminToken()
})

async function ok<T = any>(path: string, options: Parameters<typeof api>[1] = {}, status = 200): Promise<T> {
  const response = await api(path, { token: admin, ...options })
  expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBe(status)
  return response.body as T
}

/** A customer created by staff (no portal login), as the dashboard's "Create customer" does. */
async function staffCustomer(values: { first_name: string; last_name: string; email?: string; phone?: string }) {
  const body = await ok("/admin/customers", { body: { email: uniqueEmail(values.first_name.toLowerCase()), ...values } }, 200)
  return body.customer as { id: string; email: string; first_name: string; last_name: string; phone: string | null }
}

const addAddress = (customerId: string, address: Record<string, unknown>) =>
  ok(`/admin/customers/${customerId}/addresses`, { body: { country_code: "gb", city: "Bristol", ...address } })

/** Every record that points at the customer, counted straight from the database. */
async function footprint(customerId: string) {
  const [row] = await sql<Record<string, number>>(
    `WITH profile AS (SELECT customer_profile_id AS id FROM ${PROFILE_LINK_TABLE} WHERE customer_id = $1 AND deleted_at IS NULL)
     SELECT
       (SELECT count(*) FROM customer_address WHERE customer_id = $1 AND deleted_at IS NULL)::int AS addresses,
       (SELECT count(*) FROM customer_group_customer WHERE customer_id = $1 AND deleted_at IS NULL)::int AS customer_groups,
       (SELECT count(*) FROM business_profile WHERE customer_id = $1 AND deleted_at IS NULL)::int AS business_profiles,
       (SELECT count(*) FROM customer_additional_contact WHERE profile_id IN (SELECT id FROM profile) AND deleted_at IS NULL)::int AS additional_contacts,
       (SELECT count(*) FROM customer_contact_method WHERE profile_id IN (SELECT id FROM profile) AND deleted_at IS NULL)::int AS contact_methods,
       (SELECT count(*) FROM dependent WHERE customer_id = $1 AND deleted_at IS NULL)::int AS dependents,
       (SELECT count(*) FROM custom_field_value WHERE owner_type = 'customer' AND owner_id = $1 AND deleted_at IS NULL)::int AS custom_field_values,
       (SELECT coalesce(sum(cardinality(tags)), 0) FROM customer_profile WHERE id IN (SELECT id FROM profile))::int AS tags,
       (SELECT count(*) FROM booking WHERE customer_id = $1 AND deleted_at IS NULL)::int AS bookings,
       (SELECT count(*) FROM "order" WHERE customer_id = $1 AND deleted_at IS NULL)::int AS orders,
       (SELECT count(*) FROM cart WHERE customer_id = $1 AND deleted_at IS NULL)::int AS carts,
       (SELECT count(*) FROM ${CUSTOMER_ACCOUNT_HOLDER_LINK_TABLE} WHERE customer_id = $1 AND deleted_at IS NULL)::int AS payment_account_holders,
       (SELECT count(*) FROM ${CUSTOMER_ACCOUNT_HOLDER_LINK_TABLE} l JOIN account_holder h ON h.id = l.account_holder_id
         WHERE l.customer_id = $1 AND l.deleted_at IS NULL AND h.provider_id = 'pp_stripe_stripe')::int AS stripe_account_holders,
       (SELECT count(*) FROM notification WHERE receiver_id = $1 AND deleted_at IS NULL)::int AS notifications,
       (SELECT count(*) FROM customer_activity WHERE customer_id = $1 AND deleted_at IS NULL)::int AS activity,
       (SELECT count(*) FROM auth_identity WHERE app_metadata->>'customer_id' = $1 AND deleted_at IS NULL)::int AS portal_logins,
       (SELECT count(*) FROM account_token WHERE customer_id = $1 AND deleted_at IS NULL)::int AS portal_links`,
    [customerId]
  )
  return row
}

/**
 * Every live row in any table whose customer_id, receiver_id, owner_id or "to" column holds the
 * id, plus logins whose app_metadata names it: the proof that nothing points at a merged customer.
 */
async function rowsPointingAt(customerId: string) {
  const columns = await sql<{ table_name: string; column_name: string; soft: boolean }>(
    `SELECT c.table_name, c.column_name,
            EXISTS (SELECT 1 FROM information_schema.columns d WHERE d.table_schema = 'public' AND d.table_name = c.table_name AND d.column_name = 'deleted_at') AS soft
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = 'public' AND c.column_name IN ('customer_id', 'receiver_id', 'owner_id', 'to')
        AND c.data_type IN ('text', 'character varying')`
  )
  const found: Record<string, number> = {}
  for (const { table_name, column_name, soft } of columns) {
    // The directory's read model keeps a row for every customer, deleted ones included (marked deleted).
    if (table_name === "customer_directory_entry") continue
    const [row] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${table_name}" WHERE "${column_name}" = $1${soft ? " AND deleted_at IS NULL" : ""}`,
      [customerId]
    )
    if (row.n) found[`${table_name}.${column_name}`] = row.n
  }
  const [logins] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM auth_identity WHERE app_metadata->>'customer_id' = $1`, [customerId])
  if (logins.n) found["auth_identity.app_metadata.customer_id"] = logins.n
  return { columns: columns.length, found }
}

/** A merged customer keeps only the history line saying where it went, and its own profile's link. */
function expectOnlyOwnRecords(found: Record<string, number>) {
  expect(found["customer_activity.customer_id"]).toBe(1)
  const { ["customer_activity.customer_id"]: _history, [`${PROFILE_LINK_TABLE}.customer_id`]: ownProfile = 1, ...others } = found
  expect(ownProfile).toBe(1)
  expect(others).toEqual({})
}

async function profileId(customerId: string) {
  const [row] = await sql<{ id: string }>(`SELECT customer_profile_id AS id FROM ${PROFILE_LINK_TABLE} WHERE customer_id = $1`, [customerId])
  return row.id
}

async function service(handle: string) {
  return (await api(`/store/services/${handle}`)).body.service as { id: string; variants: { id: string; title: string }[] }
}
async function freeWindows(handle: string): Promise<Window[]> {
  return (await api(`/store/services/${handle}/availability?days=28`)).body.windows
}

/** A real portal booking: Medusa cart → payment → order, a saved location, emails and a portal notice. */
async function book(customer: Customer, offsetFromEnd: number, extra: Record<string, unknown> = {}) {
  const clean = await service("regular-home-clean")
  const windows = await freeWindows("regular-home-clean")
  const window = windows[Math.max(0, windows.length - 1 - offsetFromEnd)]
  const response = await api("/store/customers/me/bookings", {
    token: customer.token,
    body: { service_id: clean.id, variant_id: clean.variants[0].id, starts_at: window.starts_at, location: { address: bristol, label: "Home" }, ...extra },
  })
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return response.body.booking as { id: string; booking_number: string; order_id: string }
}

/** Waits for the booking emails and portal notices (written by subscribers) to stop arriving. */
async function settledNotifications(customerId: string, atLeast: number) {
  return eventually(async () => {
    const first = (await footprint(customerId)).notifications
    if (first < atLeast) throw new Error(`${first} notifications so far`)
    await new Promise((resolve) => setTimeout(resolve, 750))
    const second = (await footprint(customerId)).notifications
    if (second !== first) throw new Error("notifications still arriving")
    return second
  }, 20_000)
}

/** Walks every page of suggestions and returns the pairs that involve these customers. */
async function suggestionsFor(ids: string[]) {
  const wanted = new Set(ids)
  const pairs: { primary: { id: string }; secondary: { id: string }; reasons: { kind: string }[] }[] = []
  let cursor: string | null = null
  let pages = 0
  do {
    const body: any = await ok(`/admin/crm/duplicates?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`)
    expect(body.pairs.length).toBeLessThanOrEqual(50 + 19)
    pairs.push(...body.pairs.filter((pair: any) => wanted.has(pair.primary.id) || wanted.has(pair.secondary.id)))
    cursor = body.next_cursor
    pages += 1
  } while (cursor && pages < 500)
  expect(cursor).toBeNull()
  return pairs
}

const findPair = (pairs: Awaited<ReturnType<typeof suggestionsFor>>, a: string, b: string) =>
  pairs.find((pair) => (pair.primary.id === a && pair.secondary.id === b) || (pair.primary.id === b && pair.secondary.id === a))

describe("Suggested duplicates", () => {
  it("pairs customers by email (account or extra, any case), by phone (any format) and by a similar name at the same address, and nothing else", async () => {
    const tag = suffix()
    // Email: the second customer has the first one's address as an extra email, typed in capitals.
    const emma = await staffCustomer({ first_name: "Emma", last_name: `Dup${tag}`, email: `emma.dup.${tag}@example.test`, phone: uniqueMobile() })
    const emily = await staffCustomer({ first_name: "Emily", last_name: `Other${tag}`, phone: uniqueMobile() })
    await ok(`/admin/customers/${emily.id}/profile`, { body: { emails: [{ email: `EMMA.DUP.${tag}@Example.test` }], phones: [] } })
    // Phone: international on one, national with spaces on the other.
    const digits = String(Math.floor(Math.random() * 1e9)).padStart(9, "0")
    const tom = await staffCustomer({ first_name: "Tom", last_name: `Phone${tag}`, phone: `+44 7${digits}` })
    const tim = await staffCustomer({ first_name: "Timothy", last_name: `Caller${tag}`, phone: `07${digits.slice(0, 3)} ${digits.slice(3)}` })
    // Similar name at the same address (written differently); a flatmate with another name is no duplicate.
    const street = `${Math.floor(Math.random() * 900) + 100} Merge Lane ${tag}`
    const joanne = await staffCustomer({ first_name: "Joanne", last_name: `Smithson${tag}`, phone: uniqueMobile() })
    const jo = await staffCustomer({ first_name: "Jo", last_name: `Smithson${tag}`, phone: uniqueMobile() })
    const flatmate = await staffCustomer({ first_name: "Rupert", last_name: `Blackwood${tag}`, phone: uniqueMobile() })
    await addAddress(joanne.id, { address_1: street, postal_code: "BS1 4DJ" })
    await addAddress(jo.id, { address_1: `${street.toUpperCase()},`, postal_code: "bs14dj" })
    await addAddress(flatmate.id, { address_1: street, postal_code: "BS1 4DJ" })
    // A deleted customer with Emma's email is never suggested.
    const gone = await staffCustomer({ first_name: "Gone", last_name: `Dup${tag}`, phone: uniqueMobile() })
    await ok(`/admin/customers/${gone.id}/profile`, { body: { emails: [{ email: emma.email }], phones: [] } })
    await ok(`/admin/customers/${gone.id}/account`, { method: "DELETE" })

    const pairs = await suggestionsFor([emma.id, emily.id, tom.id, tim.id, joanne.id, jo.id, flatmate.id, gone.id])

    const byEmail = findPair(pairs, emma.id, emily.id)
    expect(byEmail?.reasons).toEqual([{ kind: "email", email: `emma.dup.${tag}@example.test` }])
    // The older record is suggested as the one to keep.
    expect(byEmail?.primary.id).toBe(emma.id)
    const byPhone = findPair(pairs, tom.id, tim.id)
    expect(byPhone?.reasons).toEqual([{ kind: "phone", phones: [`+44 7${digits}`, `07${digits.slice(0, 3)} ${digits.slice(3)}`] }])
    const byNameAndAddress = findPair(pairs, joanne.id, jo.id)
    expect(byNameAndAddress?.reasons).toEqual([
      expect.objectContaining({ kind: "name_address", names: [`Joanne Smithson${tag}`, `Jo Smithson${tag}`], address: `${street}, BS1 4DJ` }),
    ])
    expect((byNameAndAddress!.reasons[0] as any).similarity).toBeGreaterThanOrEqual(0.5)
    // Exactly those three pairs: not the flatmate, not the deleted customer, not across the groups.
    expect(pairs).toHaveLength(3)
    expect(pairs.some((pair) => pair.primary.id === gone.id || pair.secondary.id === gone.id)).toBe(false)
    expect(pairs.some((pair) => pair.primary.id === flatmate.id || pair.secondary.id === flatmate.id)).toBe(false)
  })

  it("lists a pair once with every reason it matches, under the strongest", async () => {
    const tag = suffix()
    const phone = uniqueMobile()
    const first = await staffCustomer({ first_name: "Alice", last_name: `Twice${tag}`, email: `alice.${tag}@example.test`, phone })
    const second = await staffCustomer({ first_name: "Alice", last_name: `Twice${tag}`, email: `ALICE.${tag}@example.test`, phone: phone.replace("+44 ", "0") })
    await addAddress(first.id, { address_1: `1 Twice Road ${tag}`, postal_code: "BS2 0JA" })
    await addAddress(second.id, { address_1: `1 twice road ${tag}`, postal_code: "BS2 0JA" })
    const pairs = await suggestionsFor([first.id, second.id])
    expect(pairs).toHaveLength(1)
    expect(pairs[0].reasons.map((reason) => reason.kind)).toEqual(["email", "phone", "name_address"])
  })

  it("pages with a cursor and refuses a made-up one", async () => {
    const page = await ok("/admin/crm/duplicates?limit=1")
    expect(page.pairs.length).toBeGreaterThanOrEqual(1)
    expect(typeof page.next_cursor).toBe("string")
    const next = await ok(`/admin/crm/duplicates?limit=1&cursor=${encodeURIComponent(page.next_cursor)}`)
    expect(next.pairs[0]).not.toEqual(page.pairs[0])
    for (const query of ["cursor=not-a-cursor", "limit=0", "limit=1000", "limit=abc", "color=red"]) {
      const response = await api(`/admin/crm/duplicates?${query}`, { token: admin })
      expect(response.status, query).toBe(400)
      expect(response.body.message).toBeTruthy()
    }
    expect((await api("/admin/crm/duplicates")).status).toBe(401)
  })
})

describe("Merging two customers", () => {
  let primary: Customer
  let secondary: Customer
  /** Each one's own (primary) phone. */
  let phones: { primary: string; secondary: string }
  let before: { primary: Record<string, number>; secondary: Record<string, number> }
  let secondaryCard: string
  let secondaryBooking: { id: string; booking_number: string; order_id: string }
  let fieldKeys: { shared: string; onlySecondary: string }
  const fieldIds: string[] = []
  const tag = suffix()

  // Other test files list every customer field: these go once the merge has been checked.
  afterAll(async () => {
    for (const id of fieldIds) await ok(`/admin/custom-fields/${id}?confirm=true`, { method: "DELETE" })
  })

  beforeAll(async () => {
    primary = await signUpCustomer({ first_name: "Pat", last_name: `Primary${tag}` })
    secondary = await signUpCustomer({ first_name: "Sam", last_name: `Secondary${tag}` })
    // Their own phone numbers (sign-up gives every test customer the same one).
    phones = { primary: uniqueMobile(), secondary: uniqueMobile() }
    await ok(`/admin/customers/${primary.customer.id}`, { body: { phone: phones.primary } })
    await ok(`/admin/customers/${secondary.customer.id}`, { body: { phone: phones.secondary, company_name: `Sam's Lettings ${tag}` } })

    // Custom fields: both have a value for one (the primary's wins), only the secondary for the other.
    fieldKeys = { shared: `merge_gate_${tag}`, onlySecondary: `merge_pets_${tag}` }
    for (const [key, label] of [
      [fieldKeys.shared, "Gate code"],
      [fieldKeys.onlySecondary, "Number of pets"],
    ]) {
      fieldIds.push((await ok("/admin/custom-fields", { body: { target_type: "customer", key, label, type: "text" } }, 201)).custom_field.id)
    }
    const { dependent_types } = await ok("/admin/dependent-types")
    const pets = dependent_types.find((type: { label_plural: string }) => type.label_plural === "Pets")
    const group = async (name: string) => (await ok("/admin/customer-groups", { body: { name: `${name} ${tag}` } })).customer_group.id as string
    const [both, onlySecondary] = [await group("Newsletter"), await group("Commercial")]
    await ok(`/admin/customer-groups/${both}/customers`, { body: { add: [primary.customer.id, secondary.customer.id] } })
    await ok(`/admin/customer-groups/${onlySecondary}/customers`, { body: { add: [secondary.customer.id] } })

    // The primary.
    const p = `/admin/customers/${primary.customer.id}`
    await ok(`${p}/profile`, {
      body: {
        // The sign-in email and the phone above stay the primary ones; these are extras.
        emails: [{ email: `shared.${tag}@example.test` }, { email: `pat.work.${tag}@example.test` }],
        phones: [
          { number: phones.primary, type: "mobile", is_primary: true },
          { number: "+44 1234 567890", type: "phone" },
        ],
        tags: ["VIP", "Commercial"],
        internal_notes: "Prefers mornings.",
        tax_rate_override: null,
        custom_fields: { [fieldKeys.shared]: "1234" },
      },
    })
    await ok(`${p}/business-profiles`, { body: { name: `Pat Ltd ${tag}`, billing_email: `billing.${tag}@pat.example.test`, ...bristol } }, 201)
    await ok(`${p}/additional-contacts`, { body: { name: "Paula Tenant", emails: [`paula.${tag}@example.test`] } }, 201)
    await ok(`${p}/dependents`, { body: { type_id: pets.id, name: "Biscuit" } }, 201)
    const primaryBooking = await book(primary, 1)

    // The secondary: a bit of everything, some of it the same as the primary's.
    const s = `/admin/customers/${secondary.customer.id}`
    await ok(`${s}/profile`, {
      body: {
        // The shared email in other case and the same phone written differently are exact duplicates.
        emails: [{ email: `SHARED.${tag}@example.test` }, { email: `sam.home.${tag}@example.test` }],
        phones: [
          { number: phones.secondary, type: "mobile", is_primary: true },
          { number: "+44 (1234) 567 890", type: "phone" },
          { number: "+44 7700 900999", type: "mobile" },
        ],
        tags: ["vip", "Gold"],
        internal_notes: "Has a dog; ring twice.",
        tax_rate_override: 5,
        payment_terms_days: 30,
        custom_fields: { [fieldKeys.shared]: "9999", [fieldKeys.onlySecondary]: "2" },
      },
    })
    await ok(`${s}/billing-address`, { body: { same_as_booking: false, address: { ...bristol, address_1: "1 Invoice Street" } } })
    for (const name of ["Sam Lettings", "Sam Cleaning"]) {
      await ok(`${s}/business-profiles`, { body: { name: `${name} ${tag}`, billing_email: `accounts.${tag}@sam.example.test`, ...bristol } }, 201)
    }
    await ok(`${s}/additional-contacts`, { body: { name: "Site Manager", phones: ["+44 7700 900111"] } }, 201)
    for (const name of ["Rex", "Tiddles"]) await ok(`${s}/dependents`, { body: { type_id: pets.id, name } }, 201)
    // A saved card (their Stripe customer, Medusa's payment account holder) and a booking paid with it.
    secondaryCard = await saveCard(secondary.token, TEST_CARDS.visa)
    secondaryBooking = await book(secondary, 3, { saved_card_id: secondaryCard })

    // Activity: a fieldworker assigned to each booking writes a line in each customer's history.
    const fieldworker = await createFieldworker(admin, { name: `Merge Crew ${tag}` })
    for (const booking of [primaryBooking, secondaryBooking]) {
      await ok(`/admin/bookings/${booking.id}/fieldworker`, { body: { fieldworker_id: fieldworker.id } })
    }
    await settledNotifications(primary.customer.id, 2)
    await settledNotifications(secondary.customer.id, 2)

    before = { primary: await footprint(primary.customer.id), secondary: await footprint(secondary.customer.id) }
  })

  it("the test customers have every kind of related record", () => {
    for (const [kind, count] of Object.entries(before.secondary)) expect(count, `secondary ${kind}`).toBeGreaterThan(0)
    for (const kind of [
      "addresses",
      "customer_groups",
      "business_profiles",
      "additional_contacts",
      "contact_methods",
      "dependents",
      "custom_field_values",
      "tags",
      "bookings",
      "orders",
      "carts",
      "notifications",
      "activity",
      "portal_logins",
    ]) {
      expect(before.primary[kind], `primary ${kind}`).toBeGreaterThan(0)
    }
    // Her card payment made the secondary a Stripe customer; the primary has none for Stripe.
    expect(before.primary.stripe_account_holders).toBe(0)
    expect(before.secondary.stripe_account_holders).toBe(1)
  })

  it("previews the merge without changing anything: counts per kind, the values kept and what to know", async () => {
    const { preview } = await ok(`/admin/crm/merges/preview?primary_id=${primary.customer.id}&secondary_id=${secondary.customer.id}`)
    expect(preview.primary).toMatchObject({ id: primary.customer.id, name: `Pat Primary${tag}`, login_methods: ["emailpass"] })
    expect(preview.secondary).toMatchObject({ id: secondary.customer.id, name: `Sam Secondary${tag}` })
    const counts = Object.fromEntries((preview.counts as Count[]).map((count) => [count.kind, count]))
    for (const kind of Object.keys(before.primary).filter((kind) => kind !== "stripe_account_holders")) {
      expect(counts[kind], kind).toMatchObject({ primary: before.primary[kind], secondary: before.secondary[kind] })
    }
    // Exact duplicates dropped, the secondary's account email and phone added as extra ones.
    expect(counts.contact_methods).toMatchObject({ moved: 2, dropped: 2, added: 2, after: before.primary.contact_methods + 4 })
    expect(counts.custom_field_values).toMatchObject({ moved: 1, dropped: 1, after: 2 })
    expect(counts.tags).toMatchObject({ moved: 1, dropped: 1, after: 3 })
    expect(counts.customer_groups).toMatchObject({ moved: 1, dropped: 1, after: 2 })
    expect(counts.payment_account_holders).toMatchObject({
      moved: before.secondary.payment_account_holders,
      after: before.primary.payment_account_holders + before.secondary.payment_account_holders,
    })
    expect(counts.bookings).toMatchObject({ moved: before.secondary.bookings, after: before.primary.bookings + before.secondary.bookings })

    const conflicts = Object.fromEntries((preview.conflicts as Conflict[]).map((conflict) => [conflict.field, conflict]))
    expect(conflicts.first_name).toMatchObject({ primary: "Pat", secondary: "Sam", kept: "primary" })
    expect(conflicts.email).toMatchObject({ primary: primary.email, secondary: secondary.email, kept: "primary" })
    expect(conflicts.company_name).toMatchObject({ primary: null, secondary: `Sam's Lettings ${tag}`, kept: "secondary" })
    expect(conflicts.tax_rate_override).toMatchObject({ primary: null, secondary: "5", kept: "secondary" })
    const gate = (preview.conflicts as Conflict[]).find((conflict) => conflict.label === "Gate code")
    expect(gate).toMatchObject({ primary: "1234", secondary: "9999", kept: "primary" })
    expect(preview.warnings.join(" ")).toMatch(/portal login \(password\) is removed/)

    // Nothing changed.
    expect(await footprint(primary.customer.id)).toEqual(before.primary)
    expect(await footprint(secondary.customer.id)).toEqual(before.secondary)
  })

  it("refuses a merge with itself, an unknown customer or bad input with a clear 4xx, and changes nothing", async () => {
    const id = primary.customer.id
    const cases: [string, Parameters<typeof api>[1], number, RegExp][] = [
      ["/admin/crm/merges", { body: { primary_id: id, secondary_id: id } }, 400, /can't be merged with itself/],
      [`/admin/crm/merges/preview?primary_id=${id}&secondary_id=${id}`, {}, 400, /can't be merged with itself/],
      [
        "/admin/crm/merges",
        { body: { primary_id: id, secondary_id: "cus_doesnotexist" } },
        404,
        /No customer with id cus_doesnotexist \(the secondary customer\)/,
      ],
      [`/admin/crm/merges/preview?primary_id=cus_nope&secondary_id=${id}`, {}, 404, /No customer with id cus_nope \(the primary customer\)/],
      ["/admin/crm/merges", { body: { primary_id: id } }, 400, /secondary_id.*required/],
      ["/admin/crm/merges", { body: { primary_id: id, secondary_id: "'; drop table customer; --" } }, 400, /secondary_id must be a customer id/],
      ["/admin/crm/merges", { body: { primary_id: id, secondary_id: secondary.customer.id, force: true } }, 400, /force/],
    ]
    for (const [path, options, status, message] of cases) {
      const response = await api(path, { token: admin, ...options })
      expect(response.status, `${path} ${JSON.stringify(options)}: ${JSON.stringify(response.body)}`).toBe(status)
      expect(response.body.message).toMatch(message)
    }
    expect(await footprint(primary.customer.id)).toEqual(before.primary)
    expect(await footprint(secondary.customer.id)).toEqual(before.secondary)
  })

  it("moves every related record to the primary, deletes the secondary and leaves nothing pointing at it", async () => {
    const response = await api("/admin/crm/merges", { token: admin, body: { primary_id: primary.customer.id, secondary_id: secondary.customer.id } })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    const merge = response.body.merge
    expect(merge.id).toMatch(/^cmrg_/)

    const after = { primary: await footprint(primary.customer.id), secondary: await footprint(secondary.customer.id) }
    // Everything moved: the primary has the sum, less exact duplicates and values it already had.
    const sum = (kind: string) => before.primary[kind] + before.secondary[kind]
    expect(after.primary).toEqual({
      addresses: sum("addresses"),
      customer_groups: sum("customer_groups") - 1, // both were in "Newsletter"
      business_profiles: sum("business_profiles"),
      additional_contacts: sum("additional_contacts"),
      contact_methods: sum("contact_methods") - 2 + 2, // 2 exact duplicates dropped, the secondary's account email and phone added
      dependents: sum("dependents"),
      custom_field_values: sum("custom_field_values") - 1, // "Gate code": the primary's value kept
      tags: sum("tags") - 1, // "vip" is "VIP"
      bookings: sum("bookings"),
      orders: sum("orders"),
      carts: sum("carts"),
      payment_account_holders: sum("payment_account_holders"),
      stripe_account_holders: 1,
      notifications: sum("notifications"),
      activity: sum("activity") + 1, // and the merge itself
      portal_logins: before.primary.portal_logins, // the secondary's login is removed with it
      portal_links: before.primary.portal_links,
    })
    // The answer says the same.
    for (const count of merge.counts as Count[]) {
      // Repeat visits and invoices are checked in customer-merge-billing.test.ts; conversations, complaints and ratings in customer-merge-records.test.ts.
      if (["internal_notes", "booking_series", "invoices", "conversations", "complaints", "ratings"].includes(count.kind)) continue
      expect(count.after, count.kind).toBe(count.kind === "activity" ? after.primary.activity - 1 : (after.primary as any)[count.kind])
    }

    // Nothing left on the secondary but the line saying where it went (and its own profile link).
    expect(after.secondary).toEqual({
      addresses: 0,
      customer_groups: 0,
      business_profiles: 0,
      additional_contacts: 0,
      contact_methods: 0,
      dependents: 0,
      custom_field_values: 0,
      tags: 0,
      bookings: 0,
      orders: 0,
      carts: 0,
      payment_account_holders: 0,
      stripe_account_holders: 0,
      notifications: 0,
      activity: 1,
      portal_logins: 0,
      portal_links: 0,
    })
    const sweep = await rowsPointingAt(secondary.customer.id)
    expect(sweep.columns).toBeGreaterThan(15)
    expect(sweep.found[`${PROFILE_LINK_TABLE}.customer_id`]).toBe(1)
    expectOnlyOwnRecords(sweep.found)
    const secondaryProfile = await profileId(secondary.customer.id)
    const [leftOnProfile] = await sql<{ n: number }>(
      `SELECT (SELECT count(*) FROM customer_contact_method WHERE profile_id = $1 AND deleted_at IS NULL)
            + (SELECT count(*) FROM customer_additional_contact WHERE profile_id = $1 AND deleted_at IS NULL) AS n`,
      [secondaryProfile]
    )
    expect(Number(leftOnProfile.n)).toBe(0)

    // The secondary is deleted, can't sign in any more, and is not offered for restoring: its data has moved.
    const [row] = await sql<{ deleted_at: Date | null }>(`SELECT deleted_at FROM customer WHERE id = $1`, [secondary.customer.id])
    expect(row.deleted_at).not.toBeNull()
    expect((await api(`/admin/customers/${secondary.customer.id}`, { token: admin })).status).toBe(404)
    expect((await api("/auth/customer/emailpass", { body: { email: secondary.email, password: secondary.password } })).status).toBe(401)
    const deleted = await ok("/admin/portal/deleted-customers")
    expect(deleted.customers.map((customer: { id: string }) => customer.id)).not.toContain(secondary.customer.id)
  })

  it("the primary has the secondary's records: bookings and cards in the portal, profile values, history", async () => {
    // In the portal: the secondary's booking and saved card are the primary's now.
    const token = await login("customer", primary.email, primary.password)
    const bookings = await api("/store/customers/me/bookings", { token })
    expect(bookings.body.bookings.map((booking: { id: string }) => booking.id)).toContain(secondaryBooking.id)
    const cards = await api("/store/customers/me/saved-cards", { token })
    expect(cards.body.saved_cards.map((card: { id: string }) => card.id)).toEqual([secondaryCard])
    const feed = await api("/store/customers/me/notifications", { token })
    expect(feed.body.notifications.some((notice: { title?: string }) => notice.title?.includes(secondaryBooking.booking_number))).toBe(true)
    const order = await ok(`/admin/orders/${secondaryBooking.order_id}?fields=customer_id`)
    expect(order.order.customer_id).toBe(primary.customer.id)

    // The staff page: kept values, filled gaps, combined tags, notes and names.
    const { profile } = await ok(`/admin/customers/${primary.customer.id}/profile`)
    expect(profile).toMatchObject({ first_name: "Pat", last_name: `Primary${tag}`, account_email: primary.email, tax_rate_override: 5, payment_terms_days: 30 })
    expect(profile.tags).toEqual(["VIP", "Commercial", "Gold"])
    expect(profile.internal_notes).toMatch(/^Prefers mornings\.\n\nNotes merged from Sam Secondary.*\nHas a dog; ring twice\.$/)
    expect(profile.additional_names).toEqual([`Sam Secondary${tag}`])
    expect(profile.emails.map((email: { value: string }) => email.value).sort()).toEqual(
      [`shared.${tag}@example.test`, `pat.work.${tag}@example.test`, `sam.home.${tag}@example.test`, secondary.email.toLowerCase()].sort()
    )
    // The kept customer's own email and phone stay the primary ones; the other's phone is an extra.
    expect(profile.account_phone).toBe(phones.primary)
    expect(profile.phones.map((phone: { value: string }) => phone.value)).toEqual(expect.arrayContaining([phones.secondary, "+44 1234 567890"]))
    expect(profile.phones.map((phone: { value: string }) => phone.value)).not.toContain(phones.primary)
    const values = Object.fromEntries(profile.custom_fields.map((field: { key: string; value: unknown }) => [field.key, field.value]))
    expect(values).toMatchObject({ [fieldKeys.shared]: "1234", [fieldKeys.onlySecondary]: "2" })
    expect(profile.billing_address).toMatchObject({ address_1: "1 Invoice Street" })
    expect(profile.business_profiles).toHaveLength(3)
    expect(profile.dependents.map((dependent: { name: string }) => dependent.name).sort()).toEqual(["Biscuit", "Rex", "Tiddles"])
    const customer = await ok(`/admin/customers/${primary.customer.id}?fields=company_name,email`)
    expect(customer.customer).toMatchObject({ company_name: `Sam's Lettings ${tag}`, email: primary.email })

    // History on both, by the staff member.
    const demo = (await ok("/admin/users/me")).user.email
    const merged = profile.activity.find((entry: { kind: string }) => entry.kind === "customer_merged")
    expect(merged).toMatchObject({ actor: demo, data: expect.objectContaining({ secondary_id: secondary.customer.id }) })
    expect(merged.message).toMatch(
      new RegExp(`^Merged Sam Secondary${tag} \\(${secondary.email.toLowerCase().replace(/\./g, "\\.")}\\) into this customer: .*1 booking.*moved here\\.$`)
    )
    const [line] = await sql<{ kind: string; message: string; actor: string }>(`SELECT kind, message, actor FROM customer_activity WHERE customer_id = $1`, [
      secondary.customer.id,
    ])
    expect(line).toEqual({ kind: "customer_merged_into", message: `Merged into Pat Primary${tag} (${primary.email}); this customer was deleted.`, actor: demo })
  })

  it("refuses to merge a customer that is already deleted (or merged)", async () => {
    const again = await api("/admin/crm/merges", { token: admin, body: { primary_id: primary.customer.id, secondary_id: secondary.customer.id } })
    expect(again.status).toBe(400)
    expect(again.body.message).toMatch(/\(the secondary customer\) was deleted on \d{4}-\d\d-\d\d and can't be merged/)
    const reversed = await api(`/admin/crm/merges/preview?primary_id=${secondary.customer.id}&secondary_id=${primary.customer.id}`, { token: admin })
    expect(reversed.status).toBe(400)
    expect(reversed.body.message).toMatch(/\(the primary customer\) was deleted/)
  })
})

describe("Merging at the same time", () => {
  it("two merges of the same customers, either way round, never both go through", async () => {
    const tag = suffix()
    const [a, b] = [
      await staffCustomer({ first_name: "Race", last_name: `One${tag}`, phone: uniqueMobile() }),
      await staffCustomer({ first_name: "Race", last_name: `Two${tag}`, phone: uniqueMobile() }),
    ]
    await addAddress(a.id, { address_1: "1 Race Street", postal_code: "BS3 1AA" })
    await addAddress(b.id, { address_1: "2 Race Street", postal_code: "BS3 1AA" })
    await ok(`/admin/customers/${b.id}/business-profiles`, { body: { name: `Race ${tag}`, billing_email: `race.${tag}@example.test`, ...bristol } }, 201)
    const [first, second] = await Promise.all([
      api("/admin/crm/merges", { token: admin, body: { primary_id: a.id, secondary_id: b.id } }),
      api("/admin/crm/merges", { token: admin, body: { primary_id: b.id, secondary_id: a.id } }),
    ])
    const statuses = [first.status, second.status].sort()
    expect(statuses, JSON.stringify([first.body, second.body])).toEqual([201, 400])
    const winner = first.status === 201 ? first.body.merge : second.body.merge
    const [kept, gone] = [winner.primary.id, winner.secondary.id]
    const rows = await sql<{ id: string; deleted_at: Date | null }>(`SELECT id, deleted_at FROM customer WHERE id = ANY($1)`, [[a.id, b.id]])
    expect(rows.find((row) => row.id === kept)!.deleted_at).toBeNull()
    expect(rows.find((row) => row.id === gone)!.deleted_at).not.toBeNull()
    expect((await footprint(kept)).addresses).toBe(2)
    expect((await footprint(kept)).business_profiles).toBe(1)
    expectOnlyOwnRecords((await rowsPointingAt(gone)).found)
  })
})
