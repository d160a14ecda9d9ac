import { randomUUID } from "node:crypto"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, eventually, latestEmail, login, tokenFrom, uniqueEmail } from "../support/api"
import { bookAnyWindow } from "../support/customer-records"

/**
 * Issue #20 item 6, referral rewards: a customer's invite link, the friend's sign-up through it,
 * self-referrals refused, the friend's welcome discount on their first booking only, the referrer's
 * store credit once the friend's first visit is done (once), and staff taking it back.
 * This file changes Settings → Referrals, so it runs alone (not in setup/alongside.mjs).
 */

type Person = { email: string; token: string; id: string }
let staff: string
let settingsBefore: Record<string, unknown>
let clean: { id: string; variants: { id: string; title: string }[] }
let threeBedrooms: string

// Each customer here has their own phone (the support helper gives everyone the same one).
let phoneCounter = 100 + Math.floor(Math.random() * 300)
const newPhone = () => `+44 7700 900${phoneCounter++}`

async function signUp(first_name: string, options: { ref?: string; email?: string; phone?: string } = {}): Promise<Person> {
  const email = options.email ?? uniqueEmail(first_name.toLowerCase())
  const password = "correct-horse-battery"
  const body: Record<string, unknown> = {
    first_name,
    last_name: `Ref${randomUUID().slice(0, 5)}`,
    email,
    phone: options.phone ?? newPhone(),
    password,
    kind: "personal",
  }
  if (options.ref !== undefined) body.ref = options.ref
  const signedUp = await api("/store/portal/sign-up", { body })
  expect(signedUp.status, JSON.stringify(signedUp.body)).toBe(201)
  // Stored and signed in with as one address, whatever its case.
  const mail = await latestEmail(email.toLowerCase(), "account-verification")
  expect((await api("/store/portal/verify-email", { body: { token: tokenFrom(mail.data.verify_url) } })).status).toBe(200)
  const token = await login("customer", email.toLowerCase(), password)
  const me = await api("/store/customers/me", { token })
  return { email, token, id: me.body.customer.id }
}

const invitePage = async (person: Person) => {
  const page = await api("/store/customers/me/referrals", { token: person.token })
  expect(page.status, JSON.stringify(page.body)).toBe(200)
  return page.body
}
const balance = async (person: Person) => {
  const credit = await api("/store/customers/me/store-credit", { token: person.token })
  expect(credit.status).toBe(200)
  return (credit.body.store_credit as { currency_code: string; balance: number }[]).find((row) => row.currency_code === "gbp")?.balance ?? 0
}
const activity = async (customerId: string) =>
  ((await api(`/admin/customers/${customerId}/activity?limit=50`, { token: staff })).body.activity as { kind: string; message: string }[]).map(
    (entry) => entry.message
  )
const home = (street: string) => ({ address: { address_1: street, city: "Bristol", postal_code: "BS6 7QT", country_code: "gb" }, label: "Home" })
/** Booked through the portal's API, then read back with its order's price. */
const book = async (person: Person, street: string) => {
  const placed = await bookAnyWindow(person.token, "regular-home-clean", { service_id: clean.id, variant_id: threeBedrooms, location: home(street) })
  return { booking: (await api(`/store/customers/me/bookings/${placed.booking.id}`, { token: person.token })).body.booking }
}

beforeAll(async () => {
  staff = await adminToken()
  settingsBefore = (await api("/admin/referrals/settings", { token: staff })).body.settings
  const saved = await api("/admin/referrals/settings", {
    token: staff,
    body: { enabled: true, welcome_discount_type: "percentage", welcome_discount_value: 10, reward_amount: 15, currency_code: "gbp" },
  })
  expect(saved.status, JSON.stringify(saved.body)).toBe(200)
  clean = (await api("/store/services/regular-home-clean")).body.service
  threeBedrooms = clean.variants.find((variant) => variant.title === "3 bedrooms")!.id
})

afterAll(async () => {
  if (settingsBefore) await api("/admin/referrals/settings", { token: staff, body: settingsBefore })
})

describe("referral rewards", () => {
  it("gives each customer one readable invite code, made the first time they look", async () => {
    const ann = await signUp("Ann")
    const first = await invitePage(ann)
    expect(first.code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/)
    expect(first.link_path).toBe(`/sign-up?ref=${first.code}`)
    expect(first.settings).toMatchObject({ welcome_discount_type: "percentage", welcome_discount_value: 10, reward_amount: 15, currency_code: "gbp" })
    expect(first.referrals).toEqual([])
    expect((await invitePage(ann)).code).toBe(first.code)
    expect((await invitePage(await signUp("Bob"))).code).not.toBe(first.code)
  })

  it("records a friend's sign-up through the link; a code nobody has signs up without a referral", async () => {
    const ann = await signUp("Annie")
    const { code } = await invitePage(ann)
    const friend = await signUp("Freya", { ref: code.toLowerCase().replace(/-/g, " ") })
    const page = await invitePage(ann)
    expect(page.referrals).toEqual([expect.objectContaining({ first_name: "Freya", status: "signed_up", reward_amount: null })])
    // First name only: nothing else of the friend's.
    expect(JSON.stringify(page.referrals)).not.toContain(friend.email)

    const staffView = (await api(`/admin/customers/${friend.id}/referrals`, { token: staff })).body
    expect(staffView.referred_by).toMatchObject({ status: "signed_up", referrer: { id: ann.id, email: ann.email }, referred: { id: friend.id } })
    expect((await api(`/admin/customers/${ann.id}/referrals`, { token: staff })).body.referred).toHaveLength(1)
    expect((await activity(friend.id)).some((line) => /^Signed up with Annie Ref\w+'s invite link\.$/.test(line))).toBe(true)
    expect((await activity(ann.id)).some((line) => /^Freya Ref\w+ signed up with their invite link\.$/.test(line))).toBe(true)

    const nobody = await signUp("Nora", { ref: "AAAA-BBBB-CCCC" })
    expect((await api(`/admin/customers/${nobody.id}/referrals`, { token: staff })).body.referred_by).toBeNull()
  })

  it("refuses a self-referral by the same email (another spelling of it) or the same phone, and still signs them up", async () => {
    const local = `sam.${randomUUID().slice(0, 6)}`
    const sam = await signUp("Sam", { email: `${local}@example.test`, phone: "+44 7700 900555" })
    const { code } = await invitePage(sam)
    const byEmail = await signUp("Samuel", { ref: code, email: `${local.toUpperCase()}+again@example.test` })
    const byPhone = await signUp("Sammy", { ref: code, phone: "07700 900555" })
    expect((await api(`/admin/customers/${byEmail.id}/referrals`, { token: staff })).body.referred_by).toMatchObject({
      status: "refused",
      reason: "Same email as the person who invited them",
    })
    expect((await api(`/admin/customers/${byPhone.id}/referrals`, { token: staff })).body.referred_by).toMatchObject({
      status: "refused",
      reason: "Same phone number as the person who invited them",
    })
    expect((await invitePage(sam)).referrals.map((referral: { status: string }) => referral.status)).toEqual(["refused", "refused"])
    // A refused friend gets no welcome discount.
    const { booking } = await book(byPhone, `${randomUUID().slice(0, 4)} Refused Road`)
    expect(booking.price.discount_total).toBe(0)
  })

  it("takes the welcome discount off the friend's first booking only, rewards the referrer once when that visit is done, and staff can revoke it", async () => {
    const ann = await signUp("Ada")
    const { code } = await invitePage(ann)
    const friend = await signUp("Fern", { ref: code })
    const street = `${randomUUID().slice(0, 4)} Fern Lane`

    // The review step shows it before booking: 10% off £85 + VAT (£10.20 with its VAT), £91.80 to pay.
    const preview = await api("/store/customers/me/booking-price", {
      token: friend.token,
      body: { service_id: clean.id, variant_id: threeBedrooms, location: home(street) },
    })
    expect(preview.status, JSON.stringify(preview.body)).toBe(200)
    expect(preview.body.price).toMatchObject({ subtotal: 85, discount_total: 10.2, total: 91.8 })

    const { booking: first } = await book(friend, street)
    expect(first.price).toMatchObject({ discount_total: 10.2, total: 91.8 })
    const { booking: second } = await book(friend, street)
    expect(second.price.discount_total).toBe(0)

    const done = await api(`/admin/bookings/${first.id}/status`, { token: staff, body: { status: "completed", early_finish: true } })
    expect(done.status, JSON.stringify(done.body)).toBe(200)
    await eventually(async () => expect(await balance(ann)).toBe(15))
    const rewarded = (await invitePage(ann)).referrals[0]
    expect(rewarded).toMatchObject({ first_name: "Fern", status: "rewarded", reward_amount: 15 })

    // Another completed visit of the friend's gives nothing more.
    expect((await api(`/admin/bookings/${second.id}/status`, { token: staff, body: { status: "completed", early_finish: true } })).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(await balance(ann)).toBe(15)
    expect((await activity(ann.id)).filter((line) => line.startsWith("Referral reward: 15.00 GBP store credit for inviting Fern"))).toHaveLength(1)

    // Someone else's page can't reach this referral.
    const stranger = await signUp("Stan")
    const foreign = await api(`/admin/customers/${stranger.id}/referrals/${rewarded.id}/revoke`, { token: staff, body: {} })
    expect(foreign.status).toBe(404)
    expect(await balance(ann)).toBe(15)

    const revoked = await api(`/admin/customers/${ann.id}/referrals/${rewarded.id}/revoke`, { token: staff, body: { reason: "Same household" } })
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200)
    expect(revoked.body.referral).toMatchObject({ status: "revoked", reason: "Same household", reward_amount: 15 })
    expect(await balance(ann)).toBe(0)
    expect((await invitePage(ann)).referrals[0]).toMatchObject({ status: "revoked", reward_amount: null })
    expect(await activity(ann.id)).toContain(
      `Referral reward for inviting ${(await api(`/admin/customers/${friend.id}/referrals`, { token: staff })).body.referred_by.referred.name} revoked; 15.00 GBP store credit taken back. Reason: Same household`
    )
    const again = await api(`/admin/customers/${ann.id}/referrals/${rewarded.id}/revoke`, { token: staff, body: {} })
    expect(again.status).toBe(400)
    expect(again.body.message).toMatch(/Only a reward that was given can be revoked/)
  })

  it("refuses the reward when the friend's visit is at the referrer's own address", async () => {
    const ann = await signUp("Alma")
    const street = `${randomUUID().slice(0, 4)} Shared Street`
    await book(ann, street)
    const friend = await signUp("Flo", { ref: (await invitePage(ann)).code })
    const { booking } = await book(friend, street.toUpperCase())
    expect((await api(`/admin/bookings/${booking.id}/status`, { token: staff, body: { status: "completed", early_finish: true } })).status).toBe(200)
    await eventually(async () =>
      expect((await api(`/admin/customers/${friend.id}/referrals`, { token: staff })).body.referred_by).toMatchObject({
        status: "refused",
        reason: "Same address as the person who invited them",
      })
    )
    expect(await balance(ann)).toBe(0)
  })

  it("answers readable 400s for bad settings", async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ reward_amount: -5 }, /The reward can't be negative/],
      [{ reward_amount: "ten" }, /The reward must be a number/],
      [{ welcome_discount_type: "percentage", welcome_discount_value: 150 }, /A percentage discount can be at most 100/],
      [{ welcome_discount_type: "half" }, /welcome_discount_type must be 'percentage' or 'amount'/],
      [{ currency_code: "pounds" }, /currency_code must be a 3-letter currency code/],
      [{ enabled: "yes" }, /enabled must be true or false/],
      [{ colour: "red" }, /colour/],
    ]
    for (const [body, message] of cases) {
      const response = await api("/admin/referrals/settings", { token: staff, body })
      expect(response.status, JSON.stringify(body)).toBe(400)
      // Medusa's message names the field; `fields` carries ours, for the form.
      const said = [response.body.message, ...((response.body.fields ?? []) as { message: string }[]).map((field) => field.message)].join(" | ")
      expect(said).toMatch(message)
    }
    expect((await api("/admin/referrals/settings", { token: staff })).body.settings).toMatchObject({ reward_amount: 15, welcome_discount_value: 10 })
  })
})
