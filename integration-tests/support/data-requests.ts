import { randomInt } from "node:crypto"
import { unzipSync } from "fflate"
import { expect, inject } from "vitest"
import { adminToken, api, fileUpload, latestEmail, signUpCustomer, TINY_PNG } from "./api"
import { saveCard, TEST_CARDS } from "./stripe"

/** Letters only (names are checked as names), different in every run. */
const letters = (n: number) => Array.from({ length: n }, () => "abcdefghijklmnopqrstuvwxyz"[randomInt(26)]).join("")
const capital = (word: string) => word[0].toUpperCase() + word.slice(1)
/** A UK mobile in the range Ofcom keeps for drama, different in every run: national, international and digit forms. */
function mobile() {
  const rest = String(randomInt(10_000, 99_999))
  return { national: `07700 9${rest}`, international: `+44 7700 9${rest}` }
}

export type RichCustomer = Awaited<ReturnType<typeof createRichCustomer>>

/**
 * A customer with something in every part of their data, each value distinctive so a scan can
 * find it anywhere: names, emails, phones, an address, a business profile, a dependent with a
 * photo, a contact, a custom field, a picture, a booking paid by card (Stripe fake) with an
 * attachment, staff notes, a staff message, a failed login.
 */
export async function createRichCustomer(label: string) {
  const admin = await adminToken()
  const tag = letters(7)
  const first_name = `${capital(label)}${capital(tag)}`
  const last_name = `Vexbridge${capital(letters(6))}`
  const email = `${label}.${tag}@erase.example.test`
  const phone = mobile()
  const extraPhone = mobile()
  const contactPhone = mobile()
  const values = {
    first_name,
    last_name,
    email,
    extra_email: `${tag}.other@erase.example.test`,
    phone: phone.international,
    extra_phone: extraPhone.national,
    contact_name: `Tenant ${capital(letters(8))}`,
    contact_email: `tenant.${tag}@erase.example.test`,
    business_name: `${capital(tag)} Lettings Ltd`,
    business_email: `accounts.${tag}@erase.example.test`,
    business_address: `${randomInt(100, 999)} ${capital(letters(8))} Road`,
    dependent_name: `Biscuit${capital(letters(6))}`,
    dependent_notes: `Afraid of ${letters(9)}`,
    custom_value: `Gate ${letters(8)}`,
    internal_notes: `Prefers ${letters(9)} on Tuesdays`,
    address_1: `${randomInt(10, 99)} ${capital(letters(8))} Mews`,
    address_2: `Flat ${capital(letters(6))}`,
    instructions: `Key under the ${letters(8)} pot`,
    series_instructions: `Feed the ${letters(8)} fish`,
    attachment_name: `${tag}-boiler.png`,
  }
  /** What the scan looks for (phone numbers are found in any formatting, see scanPattern). */
  const scanned = [...Object.values(values), contactPhone.international]

  const signedUp = await signUpCustomer({ first_name, last_name, email })
  const token = signedUp.token
  const customerId: string = signedUp.customer.id
  const ok = async (path: string, options: Parameters<typeof api>[1], status = 200) => {
    const response = await api(path, options)
    expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBe(status)
    return response.body
  }

  await ok("/store/customers/me", { token, body: { phone: phone.international } })
  await ok("/store/customers/me/profile", {
    token,
    body: {
      emails: [{ email: values.extra_email }],
      // The whole list: the phone given above stays the primary one, the other is an extra.
      phones: [
        { number: phone.international, type: "mobile", is_primary: true },
        { number: extraPhone.national, type: "mobile" },
      ],
    },
  })
  await ok("/store/customers/me/profile/picture", { token, raw: fileUpload({ name: "me.png", type: "image/png", data: TINY_PNG }) })
  await ok(
    "/store/customers/me/additional-contacts",
    { token, body: { name: values.contact_name, role: "Tenant", emails: [values.contact_email], phones: [contactPhone.international] } },
    201
  )
  const business = await ok(
    "/store/customers/me/business-profiles",
    {
      token,
      body: {
        name: values.business_name,
        billing_email: values.business_email,
        address_1: values.business_address,
        city: "Bath",
        postal_code: "BA1 1AA",
        country_code: "gb",
      },
    },
    201
  )
  const types = (await ok("/store/customers/me/dependents", { token })).dependent_types as { id: string; label_plural: string }[]
  const pets = types.find((type) => type.label_plural === "Pets")!
  const dependent = (
    await ok("/store/customers/me/dependents", { token, body: { type_id: pets.id, name: values.dependent_name, notes: values.dependent_notes } }, 201)
  ).dependent as { id: string }
  await ok(`/store/customers/me/dependents/${dependent.id}/photo`, { token, raw: fileUpload({ name: "pet.png", type: "image/png", data: TINY_PNG }) })

  const field = (
    await ok(
      "/admin/custom-fields",
      { token: admin, body: { target_type: "customer", key: `gate_${tag}`, label: "Gate code", type: "text", visibility: "customer" } },
      201
    )
  ).custom_field as { id: string; key: string }
  await ok("/store/customers/me/profile", { token, body: { custom_fields: { [field.key]: values.custom_value } } })
  await ok(`/admin/customers/${customerId}/profile`, { token: admin, body: { internal_notes: values.internal_notes } })

  // A booking paid by a saved card: a Stripe customer, a PaymentIntent, an order, a saved location.
  const card = await saveCard(token, TEST_CARDS.visa)
  const service = (await ok("/store/services/regular-home-clean", {})).service as { id: string; variants: { id: string }[] }
  const windows = (await ok(`/store/services/regular-home-clean/availability?days=28`, {})).windows as { starts_at: string }[]
  const booked = await ok(
    "/store/customers/me/bookings",
    {
      token,
      body: {
        service_id: service.id,
        variant_id: service.variants[0].id,
        starts_at: windows[Math.min(windows.length - 1, 5 + randomInt(10))].starts_at,
        location: {
          address: { address_1: values.address_1, address_2: values.address_2, city: "Bristol", postal_code: "BS6 6PR", country_code: "gb" },
          label: "Home",
        },
        contact: { name: `${first_name} ${last_name}`, email, phone: phone.international },
        business_profile_id: business.business_profile.id,
        dependent_ids: [dependent.id],
        instructions: values.instructions,
        saved_card_id: card,
      },
    },
    201
  )
  const booking = booked.booking as { id: string; booking_number: string; order_id: string }
  await ok(
    `/store/customers/me/bookings/${booking.id}/attachments`,
    { token, raw: fileUpload({ name: values.attachment_name, type: "image/png", data: TINY_PNG }) },
    201
  )
  await latestEmail(email, "booking-confirmation")
  // Repeat visits at the saved location (two, four weeks apart, past the windows other tests book
  // first), automatic payment on, and paying a neighbour's invoices.
  const [saved] = (await ok("/store/customers/me", { token })).customer.addresses as { id: string }[]
  const series = (
    await ok(
      "/store/customers/me/booking-series",
      {
        token,
        body: {
          service_id: service.id,
          variant_id: service.variants[0].id,
          starts_at: windows[windows.length - 1].starts_at,
          location: { address_id: saved.id },
          contact: { name: `${first_name} ${last_name}`, email, phone: phone.international },
          instructions: values.series_instructions,
          frequency: "every_4_weeks",
          count: 2,
        },
      },
      201
    )
  ).booking_series as { id: string }
  await ok("/store/customers/me/automatic-payment", { token, body: { enabled: true } })
  const neighbour = await signUpCustomer({ first_name: "Neighbour", last_name: capital(tag) })
  await ok(`/admin/customers/${neighbour.customer.id}/bill-payer`, { token: admin, body: { pays: "other_customer", payer_id: customerId } })
  await ok(
    `/admin/customers/${customerId}/messages`,
    { token: admin, body: { subject: `About ${values.dependent_name}`, body: `Dear ${first_name}, see you soon.` } },
    201
  )
  // A failed login is kept (for the rate limit) with the email typed.
  expect((await api("/auth/customer/emailpass", { body: { email, password: "not-the-password" } })).status).toBe(401)

  return { token, customerId, password: signedUp.password, values, scanned, booking, field, card, series, neighbourId: neighbour.customer.id as string }
}

/**
 * A PostgreSQL regular expression (for `~*`) finding `value` in any column's text: the value
 * itself, or for a phone number its last ten digits with any spacing or punctuation between them,
 * so "+44 7700 900123", "07700 900123", "+447700900123" and a search column's "447700900123" all match.
 */
export function scanPattern(value: string) {
  const digits = value.replace(/\D/g, "")
  if (/^[+\d\s().-]+$/.test(value) && digits.length >= 10) return digits.slice(-10).split("").join("[\\s().-]*")
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
}

/** The entries of a ZIP by name. */
export function unzip(bytes: Buffer) {
  const entries = unzipSync(new Uint8Array(bytes))
  return {
    names: Object.keys(entries).sort(),
    json: (name: string) => JSON.parse(Buffer.from(entries[name]).toString("utf8")),
    bytes: (name: string) => Buffer.from(entries[name]),
    text: () =>
      Object.values(entries)
        .map((entry) => Buffer.from(entry).toString("latin1"))
        .join("\n"),
  }
}

/** Downloads a URL of the booted app as bytes (status, headers, body). */
export async function download(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(new URL(path, inject("backendUrl").replace("localhost", "127.0.0.1")), { headers })
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) }
}
