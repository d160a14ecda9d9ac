import { beforeAll, describe, expect, it } from "vitest"
import { PROFILE_LINK_TABLE } from "../../plugin/src/db/tables"
import { adminToken, api, eventually, signUpCustomer, uniqueEmail } from "../support/api"
import { bookSomething } from "../support/customer-records"
import { sql } from "../support/db"

/**
 * One place of truth for the primary email and phone: the customer's own record. The profile's
 * list holds only the others, and the directory, bookings and the merge preview all agree.
 */

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
const SIGN_UP_PHONE = "+44 7700 900000"
/** A UK mobile number no other test uses. */
const uniqueMobile = () => `+44 7${String(Math.floor(Math.random() * 1e9)).padStart(9, "0")}`
const bristol = { address_1: "9 Primary Row", city: "Bristol", postal_code: "BS6 7QT", country_code: "gb" }

let admin: string

beforeAll(async () => {
  admin = await adminToken()
})

const profileOf = async (customerId: string) => {
  const response = await api(`/admin/customers/${customerId}/profile`, { token: admin })
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return response.body.profile
}
const values = (list: { value: string }[]) => list.map((entry) => entry.value)
const directoryRow = async (customer: { id: string; email: string }) => {
  const { body } = await api(`/admin/crm/customers?q=${encodeURIComponent(customer.email)}`, { token: admin })
  return (body.customers as { id: string; phone: string | null; email: string }[]).find((row) => row.id === customer.id)
}
/** The rows the list keeps for this customer, straight from the database. */
const storedMethods = (customerId: string) =>
  sql<{ value: string; is_primary: boolean }>(
    `SELECT m.value, m.is_primary FROM customer_contact_method m JOIN ${PROFILE_LINK_TABLE} l ON l.customer_profile_id = m.profile_id
      WHERE l.customer_id = $1 AND l.deleted_at IS NULL AND m.deleted_at IS NULL ORDER BY m.value`,
    [customerId]
  )

describe("the primary email and phone", () => {
  let pat: Customer

  beforeAll(async () => {
    pat = await signUpCustomer({ first_name: "Pat", last_name: "Primarycontact" })
  })

  it("shows the sign-up email and phone as the primary ones in the portal, the admin and the directory, with no other ones", async () => {
    const own = await api("/store/customers/me/profile", { token: pat.token })
    expect(own.body.profile).toMatchObject({ account_email: pat.email, has_login: true, account_phone: SIGN_UP_PHONE, emails: [], phones: [] })
    expect(await profileOf(pat.customer.id)).toMatchObject({ account_email: pat.email, account_phone: SIGN_UP_PHONE, emails: [], phones: [] })
    await eventually(async () => expect(await directoryRow(pat.customer)).toMatchObject({ phone: SIGN_UP_PHONE }))
  })

  it("makes another number primary: the customer's phone, directory, a booking and the merge preview show it; the old one stays as an extra", async () => {
    const landline = "0117 496 0123"
    const saved = await api(`/admin/customers/${pat.customer.id}/profile`, {
      token: admin,
      body: {
        emails: [{ email: `pat.work.${pat.customer.id.slice(-6).toLowerCase()}@example.test` }],
        phones: [
          { number: SIGN_UP_PHONE, type: "mobile" },
          { number: landline, type: "phone", is_primary: true },
        ],
      },
    })
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)
    expect(saved.body.profile.account_phone).toBe(landline)
    expect(values(saved.body.profile.phones)).toEqual([SIGN_UP_PHONE])
    // The list never marks a primary of its own.
    expect((await storedMethods(pat.customer.id)).some((row) => row.is_primary)).toBe(false)

    const me = await api("/store/customers/me", { token: pat.token })
    expect(me.body.customer.phone).toBe(landline)
    expect((await api("/store/customers/me/profile", { token: pat.token })).body.profile).toMatchObject({
      account_phone: landline,
      phones: [expect.objectContaining({ value: SIGN_UP_PHONE })],
    })
    await eventually(async () => expect(await directoryRow(pat.customer)).toMatchObject({ phone: landline }))

    // A booking made without a contact number takes the primary one.
    const booked = await bookSomething(pat.token, "regular-home-clean", { address: bristol })
    expect(booked.booking.contact).toMatchObject({ phone: landline, email: pat.email })

    // The merge preview pictures the customer with the primary number.
    const other = await api("/admin/customers", {
      token: admin,
      body: { email: uniqueEmail("pat.other"), first_name: "Pat", last_name: "Other", phone: uniqueMobile() },
    })
    const { body } = await api(`/admin/crm/merges/preview?primary_id=${pat.customer.id}&secondary_id=${other.body.customer.id}`, { token: admin })
    expect(body.preview.primary.phone).toBe(landline)
    expect(body.preview.conflicts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "phone", primary: landline, kept: "primary", note: "The secondary's phone is kept as an extra phone number." }),
      ])
    )

    // The history says what changed.
    const activity = (await profileOf(pat.customer.id)).activity as { message: string }[]
    expect(activity.map((line) => line.message).join("\n")).toContain(landline)
  })

  it("keeps the sign-in email as the primary one, and refuses bad lists with a readable message, writing nothing", async () => {
    const before = { phone: (await profileOf(pat.customer.id)).account_phone, methods: await storedMethods(pat.customer.id) }
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ emails: [{ email: "someone.else@example.test", is_primary: true }], phones: [] }, /sign-in email, so it stays the primary email/],
      [{ emails: [], phones: [{ number: "ring me", type: "mobile", is_primary: true }] }, /"ring me" is not a valid phone number/],
      [
        {
          emails: [],
          phones: [
            { number: "0117 496 0123", type: "phone", is_primary: true },
            { number: "07700 900555", type: "mobile", is_primary: true },
          ],
        },
        /Only one phone number can be the primary one/,
      ],
      // One number written two ways is one number.
      [{ emails: [], phones: [{ number: "07700 900555" }, { number: "+44 7700 900555" }] }, /listed twice/],
    ]
    for (const [body, message] of bad) {
      for (const [path, token] of [
        [`/admin/customers/${pat.customer.id}/profile`, admin],
        ["/store/customers/me/profile", pat.token],
      ]) {
        const response = await api(path, { token, body })
        expect(response.status, `${path} ${JSON.stringify(body)}`).toBe(400)
        expect(response.body.message).toMatch(message)
      }
    }
    expect((await profileOf(pat.customer.id)).account_phone).toBe(before.phone)
    expect(await storedMethods(pat.customer.id)).toEqual(before.methods)
  })

  it("answers 404 for a customer that does not exist, and a customer only ever edits their own", async () => {
    const missing = await api("/admin/customers/cus_01NOTACUSTOMER000000000000/profile", { token: admin, body: { emails: [], phones: [] } })
    expect(missing.status).toBe(404)
    const someoneElse = await signUpCustomer({ first_name: "Sam", last_name: "Elsewhere" })
    await api("/store/customers/me/profile", { token: someoneElse.token, body: { emails: [], phones: [{ number: "07700 900777", type: "mobile" }] } })
    expect((await profileOf(someoneElse.customer.id)).account_phone).toBe("07700 900777")
    expect((await profileOf(pat.customer.id)).account_phone).not.toBe("07700 900777")
  })
})

describe("a customer added by staff (no login)", () => {
  it("swaps the primary email with another one, keeping the old one as an extra, and refuses an email another customer has", async () => {
    const email = uniqueEmail("nologin")
    const created = await api("/admin/customers", { token: admin, body: { email, first_name: "Nola", last_name: "Nologin" } })
    const id = created.body.customer.id as string
    expect((await profileOf(id)).has_login).toBe(false)
    const work = uniqueEmail("nola.work")
    const swapped = await api(`/admin/customers/${id}/profile`, {
      token: admin,
      body: { emails: [{ email }, { email: work, is_primary: true }], phones: [] },
    })
    expect(swapped.status, JSON.stringify(swapped.body)).toBe(200)
    expect(swapped.body.profile).toMatchObject({ account_email: work, emails: [expect.objectContaining({ value: email })] })
    await eventually(async () => expect((await directoryRow({ id, email: work }))?.email).toBe(work))

    const taken = await api("/admin/customers", { token: admin, body: { email: uniqueEmail("taken"), first_name: "Tak", last_name: "En" } })
    const refused = await api(`/admin/customers/${id}/profile`, {
      token: admin,
      body: { emails: [{ email: taken.body.customer.email, is_primary: true }], phones: [] },
    })
    expect(refused.status).toBe(400)
    expect(refused.body.message).toMatch(/Another customer already has .* merge the two customers instead/)
    expect((await profileOf(id)).account_email).toBe(work)
  })
})
