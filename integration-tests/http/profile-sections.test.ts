import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { adminToken, api, fileUpload, signUpCustomer, TINY_PNG, uniqueEmail } from "../support/api"
import { sql } from "../support/db"
import { apiBase, asCustomer, fetchFile } from "../support/files"

type Customer = Awaited<ReturnType<typeof signUpCustomer>>

let admin: string
let owner: Customer
let stranger: Customer

beforeAll(async () => {
  admin = await adminToken()
  owner = await signUpCustomer({ first_name: "Olga", last_name: "Owner" })
  stranger = await signUpCustomer({ first_name: "Sid", last_name: "Stranger" })
})

const png = (name = "me.png") => fileUpload({ name, type: "image/png", data: TINY_PNG })

/** The served file's bytes, fetched from the route the API gave, as the customer. */
async function download(url: string, token = owner.token) {
  const response = await fetchFile(`${apiBase()}${url}`, asCustomer(token))
  return { status: response.status, bytes: response.bytes, type: response.headers.get("content-type") }
}

describe("profile picture", () => {
  it("uploads, replaces and removes a picture stored through the File module", async () => {
    const first = await api("/store/customers/me/profile/picture", { token: owner.token, raw: png() })
    expect(first.status).toBe(200)
    expect(first.body.picture_url).toMatch(/^\/store\/customers\/me\/profile\/picture\?v=/)
    expect((await download(first.body.picture_url)).bytes.subarray(0, 8)).toEqual(TINY_PNG.subarray(0, 8))

    // Named .jpg but really a PNG: stored as what it is.
    const second = await api("/store/customers/me/profile/picture", { token: owner.token, raw: png("holiday.jpg") })
    expect(second.body.picture_url).not.toBe(first.body.picture_url)
    expect((await download(second.body.picture_url)).type).toBe("image/png")
    expect((await api("/store/customers/me/profile", { token: owner.token })).body.profile.picture_url).toBe(second.body.picture_url)

    const removed = await api("/store/customers/me/profile/picture", { token: owner.token, method: "DELETE" })
    expect(removed.body).toEqual({ picture_url: null })
    expect((await api("/store/customers/me/profile", { token: owner.token })).body.profile.picture_url).toBeNull()
    expect((await download(second.body.picture_url)).status).toBe(404)
  })

  it("refuses what is not a JPEG, PNG or WebP by content, files over 5 MB, and empty requests", async () => {
    const renamed = await api("/store/customers/me/profile/picture", {
      token: owner.token,
      raw: fileUpload({ name: "photo.png", type: "image/png", data: Buffer.from("just some text pretending to be a picture") }),
    })
    expect(renamed.status).toBe(400)
    expect(renamed.body.message).toMatch(/not a JPEG, PNG or WebP/)

    const huge = Buffer.concat([TINY_PNG, Buffer.alloc(5 * 1024 * 1024)])
    const tooBig = await api("/store/customers/me/profile/picture", {
      token: owner.token,
      raw: fileUpload({ name: "big.png", type: "image/png", data: huge }),
    })
    expect(tooBig.status).toBe(400)
    expect(tooBig.body.message).toMatch(/larger than 5 MB/)

    const nothing = await api("/store/customers/me/profile/picture", { token: owner.token, body: {} })
    expect(nothing.status).toBe(400)
    expect(nothing.body.message).toMatch(/Choose a picture/)
    expect((await api("/store/customers/me/profile", { token: owner.token })).body.profile.picture_url).toBeNull()
  })

  it("lets staff set a customer's picture, and needs a signed-in customer in the portal", async () => {
    const set = await api(`/admin/customers/${stranger.customer.id}/picture`, { token: admin, raw: png() })
    expect(set.status).toBe(200)
    const profile = await api(`/admin/customers/${stranger.customer.id}/profile`, { token: admin })
    expect(profile.body.profile.picture_url).toBe(set.body.picture_url)
    expect((await api("/store/customers/me/profile/picture", { raw: png() })).status).toBe(401)
  })
})

describe("additional contacts", () => {
  it("adds, edits and removes contacts with checked emails and numbers", async () => {
    const created = await api("/store/customers/me/additional-contacts", {
      token: owner.token,
      body: { name: "Tina Tenant", role: "Tenant", emails: ["Tina@Example.com", ""], phones: ["+44 7700 900222"] },
    })
    expect(created.status).toBe(201)
    expect(created.body.additional_contact).toMatchObject({
      name: "Tina Tenant",
      role: "Tenant",
      emails: ["tina@example.com"],
      phones: ["+44 7700 900222"],
    })
    const id = created.body.additional_contact.id

    const edited = await api(`/store/customers/me/additional-contacts/${id}`, { token: owner.token, body: { role: "Site manager", phones: [] } })
    expect(edited.body.additional_contact).toMatchObject({ role: "Site manager", phones: [], emails: ["tina@example.com"] })

    const profile = await api("/store/customers/me/profile", { token: owner.token })
    expect(profile.body.profile.additional_contacts).toEqual([edited.body.additional_contact])

    expect((await api(`/store/customers/me/additional-contacts/${id}`, { token: owner.token, method: "DELETE" })).status).toBe(200)
    expect((await api("/store/customers/me/additional-contacts", { token: owner.token })).body.additional_contacts).toEqual([])
  })

  it("rejects bad contacts with a readable 400 and saves nothing", async () => {
    const cases = [
      [{ name: "", emails: [] }, /name/],
      [{ name: "Bad Email", emails: ["nope"] }, /not a valid email/],
      [{ name: "Twice", phones: ["07700 900333", "07700-900333"] }, /listed twice/],
      [{ name: "Extra", nickname: "x" }, /nickname/],
    ] as const
    for (const [body, message] of cases) {
      const response = await api("/store/customers/me/additional-contacts", { token: stranger.token, body })
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(response.body.message).toMatch(message)
    }
    expect((await api("/store/customers/me/additional-contacts", { token: stranger.token })).body.additional_contacts).toEqual([])
  })

  it("answers 404 for another customer's contact and changes nothing; staff manage them on the customer page", async () => {
    const created = await api(`/admin/customers/${owner.customer.id}/additional-contacts`, {
      token: admin,
      body: { name: "Sam Site", role: "Site manager" },
    })
    expect(created.status).toBe(201)
    const id = created.body.additional_contact.id

    const edit = await api(`/store/customers/me/additional-contacts/${id}`, { token: stranger.token, body: { name: "Hijacked" } })
    expect(edit.status).toBe(404)
    expect((await api(`/store/customers/me/additional-contacts/${id}`, { token: stranger.token, method: "DELETE" })).status).toBe(404)
    // Staff on another customer's page cannot reach it either.
    expect((await api(`/admin/customers/${stranger.customer.id}/additional-contacts/${id}`, { token: admin, body: { name: "X" } })).status).toBe(404)

    const mine = await api("/store/customers/me/additional-contacts", { token: owner.token })
    expect(mine.body.additional_contacts).toEqual([expect.objectContaining({ id, name: "Sam Site" })])
    const updated = await api(`/admin/customers/${owner.customer.id}/additional-contacts/${id}`, { token: admin, body: { name: "Sam Sitewell" } })
    expect(updated.body.additional_contact.name).toBe("Sam Sitewell")
    expect((await api(`/admin/customers/${owner.customer.id}/additional-contacts/${id}`, { token: admin, method: "DELETE" })).status).toBe(200)
  })
})

describe("billing address and saved locations", () => {
  const address = { address_1: "1 Market Street", city: "Bath", province: "Somerset", postal_code: "BA1 1AA", country_code: "GB" }

  it("keeps a separate billing address or bills to the booking address", async () => {
    const separate = await api("/store/customers/me/billing-address", {
      token: owner.token,
      body: { same_as_booking: false, address: { ...address, company: "Owner & Co" } },
    })
    expect(separate.status).toBe(200)
    expect(separate.body).toMatchObject({
      billing_same_as_booking: false,
      billing_address: { address_name: "Billing", address_1: "1 Market Street", country_code: "gb", is_default_billing: true },
    })

    // Changing it updates the same address rather than adding another.
    const moved = await api("/store/customers/me/billing-address", {
      token: owner.token,
      body: { same_as_booking: false, address: { ...address, address_1: "2 Market Street" } },
    })
    expect(moved.body.billing_address.id).toBe(separate.body.billing_address.id)
    expect(moved.body.billing_address.address_1).toBe("2 Market Street")

    const same = await api("/store/customers/me/billing-address", { token: owner.token, body: { same_as_booking: true } })
    expect(same.body.billing_same_as_booking).toBe(true)
    const profile = (await api("/store/customers/me/profile", { token: owner.token })).body.profile
    expect(profile.billing_same_as_booking).toBe(true)
    expect(profile.locations.every((location: { is_default_billing: boolean }) => !location.is_default_billing)).toBe(true)
  })

  it("rejects an incomplete billing address and leaves the old one", async () => {
    const before = (await api("/store/customers/me/profile", { token: owner.token })).body.profile
    const cases = [
      [{ same_as_booking: false }, /address/],
      [{ same_as_booking: false, address: { ...address, postal_code: "" } }, /postal_code/],
      [{ same_as_booking: false, address: { ...address, country_code: "England" } }, /country_code/],
      [{ same_as_booking: "yes" }, /same_as_booking/],
    ] as const
    for (const [body, message] of cases) {
      const response = await api("/store/customers/me/billing-address", { token: owner.token, body })
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(response.body.message).toMatch(message)
    }
    const after = (await api("/store/customers/me/profile", { token: owner.token })).body.profile
    expect(after.billing_address).toEqual(before.billing_address)
    expect(after.billing_same_as_booking).toBe(before.billing_same_as_booking)
  })

  it("lists labelled locations, and another customer cannot delete them", async () => {
    const created = await api("/store/customers/me/addresses", {
      token: owner.token,
      body: { address_name: "Holiday house", address_1: "3 Sea View", city: "Whitby", postal_code: "YO21 3PU", country_code: "gb" },
    })
    expect(created.status).toBe(200)
    const profile = (await api("/store/customers/me/profile", { token: owner.token })).body.profile
    const location = profile.locations.find((entry: { address_name: string }) => entry.address_name === "Holiday house")
    expect(location).toMatchObject({ address_1: "3 Sea View", city: "Whitby" })

    expect((await api(`/store/customers/me/addresses/${location.id}`, { token: stranger.token, method: "DELETE" })).status).toBe(404)
    expect((await api(`/store/customers/me/addresses/${location.id}`, { token: owner.token, method: "DELETE" })).status).toBe(200)
    const after = (await api("/store/customers/me/profile", { token: owner.token })).body.profile
    expect(after.locations.some((entry: { id: string }) => entry.id === location.id)).toBe(false)
  })
})

describe("custom fields on the customer profile", () => {
  const created: string[] = []
  const key = (name: string) => `${name}_${Math.random().toString(36).slice(2, 8)}`
  let doorColour: string
  let pool: string
  let secret: string

  beforeAll(async () => {
    const define = async (body: Record<string, unknown>) => {
      const response = await api("/admin/custom-fields", { token: admin, body: { target_type: "customer", ...body } })
      expect(response.status, JSON.stringify(response.body)).toBe(201)
      created.push(response.body.custom_field.id)
      return response.body.custom_field.key as string
    }
    doorColour = await define({ key: key("door"), label: "Door colour", type: "dropdown", visibility: "customer", config: { options: ["Red", "Blue"] } })
    pool = await define({ key: key("pool"), label: "Pool volume (litres)", type: "number", visibility: "customer", config: { min: 0, max: 100000 } })
    secret = await define({ key: key("risk"), label: "Risk notes", type: "text", visibility: "staff" })
  })
  afterAll(async () => {
    for (const id of created) await api(`/admin/custom-fields/${id}?confirm=true`, { token: admin, method: "DELETE" })
  })

  it("shows the customer only customer-visible fields and saves valid values", async () => {
    const saved = await api("/store/customers/me/profile", { token: owner.token, body: { custom_fields: { [doorColour]: "Blue", [pool]: "42000" } } })
    expect(saved.status).toBe(200)
    const fields = saved.body.profile.custom_fields as { key: string; value: unknown; visibility: string }[]
    expect(fields.find((field) => field.key === doorColour)?.value).toBe("Blue")
    expect(fields.find((field) => field.key === pool)?.value).toBe(42000)
    expect(fields.some((field) => field.key === secret)).toBe(false)
    expect(fields.every((field) => field.visibility === "customer")).toBe(true)
  })

  it("refuses a bad value with the field named, and writes nothing from that request", async () => {
    const response = await api("/store/customers/me/profile", {
      token: owner.token,
      body: { first_name: "Changed", custom_fields: { [doorColour]: "Red", [pool]: 500000 } },
    })
    expect(response.status).toBe(400)
    expect(response.body.message).toMatch(/Pool volume \(litres\) must be at most 100000/)
    // The field is named, so a form shows the message beside it.
    expect(response.body.fields).toEqual([{ field: `custom_fields.${pool}`, message: expect.stringMatching(/must be at most 100000/) }])
    const profile = (await api("/store/customers/me/profile", { token: owner.token })).body.profile
    expect(profile.first_name).toBe("Olga")
    expect(profile.custom_fields.find((field: { key: string }) => field.key === doorColour).value).toBe("Blue")

    const wrongOption = await api("/store/customers/me/profile", { token: owner.token, body: { custom_fields: { [doorColour]: "Green" } } })
    expect(wrongOption.status).toBe(400)
    expect(wrongOption.body.message).toMatch(/Door colour must be one of: Red, Blue/)
  })

  it("keeps staff-only fields away from customers, and lets staff fill them", async () => {
    const sneaky = await api("/store/customers/me/profile", { token: owner.token, body: { custom_fields: { [secret]: "ok" } } })
    expect(sneaky.status).toBe(400)
    expect(sneaky.body.message).toMatch(/no field/)

    const staff = await api(`/admin/customers/${owner.customer.id}/profile`, { token: admin, body: { custom_fields: { [secret]: "Dog bites" } } })
    expect(staff.status).toBe(200)
    const field = staff.body.profile.custom_fields.find((entry: { key: string }) => entry.key === secret)
    expect(field).toMatchObject({ value: "Dog bites", visibility: "staff" })
    const portal = (await api("/store/customers/me/profile", { token: owner.token })).body.profile
    expect(JSON.stringify(portal)).not.toContain("Dog bites")
  })

  it("clears a value with an empty string", async () => {
    await api("/store/customers/me/profile", { token: owner.token, body: { custom_fields: { [pool]: "" } } })
    const profile = (await api("/store/customers/me/profile", { token: owner.token })).body.profile
    expect(profile.custom_fields.find((field: { key: string }) => field.key === pool).value).toBeNull()
  })
})

describe("custom field settings", () => {
  it("validates definitions: types, options, bounds and unique keys", async () => {
    const k = `colour_${Date.now()}`
    const cases = [
      [{ target_type: "customer", key: "Bad Key", label: "X", type: "text" }, /Key must be lowercase/],
      [{ target_type: "customer", key: k, label: "X", type: "dropdown", config: { options: [] } }, /at least one option/],
      [{ target_type: "customer", key: k, label: "X", type: "number", config: { min: 10, max: 1 } }, /Maximum \(1\) must not be less than minimum \(10\)/],
      [{ target_type: "customer", key: k, label: "X", type: "colour" }, /Type must be one of/],
      [{ target_type: "dependent_type", key: k, label: "X", type: "text" }, /dependent type/],
    ] as const
    for (const [body, message] of cases) {
      const response = await api("/admin/custom-fields", { token: admin, body })
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(response.body.message).toMatch(message)
    }
    const first = await api("/admin/custom-fields", { token: admin, body: { target_type: "customer", key: k, label: "Colour", type: "text" } })
    expect(first.status).toBe(201)
    const twice = await api("/admin/custom-fields", { token: admin, body: { target_type: "customer", key: k, label: "Colour again", type: "text" } })
    expect(twice.status).toBe(400)
    expect(twice.body.message).toMatch(/already a field with the key/)

    const relabelled = await api(`/admin/custom-fields/${first.body.custom_field.id}`, { token: admin, body: { label: "Front door colour", rank: 9 } })
    expect(relabelled.body.custom_field).toMatchObject({ label: "Front door colour", rank: 9, key: k })
    // Limits can be removed again (Medusa merges JSON columns, so this needs care).
    const limited = await api("/admin/custom-fields", {
      token: admin,
      body: { target_type: "customer", key: `${k}_n`, label: "Rooms", type: "number", config: { min: 1, max: 10 } },
    })
    const unlimited = await api(`/admin/custom-fields/${limited.body.custom_field.id}`, { token: admin, body: { config: { min: 1 } } })
    expect(unlimited.body.custom_field.config).toEqual({ integer: false, min: 1 })
    await api(`/admin/custom-fields/${limited.body.custom_field.id}`, { token: admin, method: "DELETE" })

    const retyped = await api(`/admin/custom-fields/${first.body.custom_field.id}`, { token: admin, body: { type: "number" } })
    expect(retyped.status).toBe(400)
    expect(retyped.body.message).toMatch(/Unrecognized fields: 'type'/)
    expect((await api(`/admin/custom-fields/${first.body.custom_field.id}`, { token: admin, method: "DELETE" })).status).toBe(200)
  })

  it("asks before deleting a field with values, then keeps the values readable in the activity history", async () => {
    const field = await api("/admin/custom-fields", {
      token: admin,
      body: { target_type: "customer", key: `lockbox_${Date.now()}`, label: "Lockbox code", type: "text", visibility: "customer" },
    })
    const { id, key } = field.body.custom_field
    await api("/store/customers/me/profile", { token: stranger.token, body: { custom_fields: { [key]: "9321" } } })
    const listed = await api("/admin/custom-fields?target_type=customer", { token: admin })
    const unknownTarget = await api("/admin/custom-fields?target_type=order", { token: admin })
    expect(unknownTarget.status).toBe(400)
    expect(unknownTarget.body.message).toMatch(/customer, dependent_type.*target_type/)
    const typeWithoutId = await api("/admin/custom-fields?target_type=dependent_type", { token: admin })
    expect(typeWithoutId.status).toBe(400)
    expect(typeWithoutId.body.message).toMatch(/target_id is required/)
    expect(listed.body.custom_fields.find((entry: { id: string }) => entry.id === id).value_count).toBe(1)

    const ask = await api(`/admin/custom-fields/${id}`, { token: admin, method: "DELETE" })
    expect(ask.status).toBe(409)
    expect(ask.body).toMatchObject({ value_count: 1 })
    expect(ask.body.message).toMatch(/Lockbox code/)
    expect((await api("/store/customers/me/profile", { token: stranger.token })).body.profile.custom_fields.some((f: { key: string }) => f.key === key)).toBe(
      true
    )

    const confirmed = await api(`/admin/custom-fields/${id}?confirm=true`, { token: admin, method: "DELETE" })
    expect(confirmed.status).toBe(200)
    expect((await api("/store/customers/me/profile", { token: stranger.token })).body.profile.custom_fields.some((f: { key: string }) => f.key === key)).toBe(
      false
    )
    const page = (await api(`/admin/customers/${stranger.customer.id}/profile`, { token: admin })).body.profile
    expect(page.activity[0]).toMatchObject({ kind: "custom_field_deleted", actor: "admin@example.com" })
    expect(page.activity[0].message).toMatch(/Lockbox code.*9321/)
  })
})

describe("dependents and assets", () => {
  let typeId: string
  let breed: string
  let weight: string
  let handling: string

  beforeAll(async () => {
    const type = await api("/admin/dependent-types", { token: admin, body: { label_singular: "Dog", label_plural: "Dogs", rank: 5 } })
    expect(type.status).toBe(201)
    typeId = type.body.dependent_type.id
    const define = async (body: Record<string, unknown>) =>
      (await api("/admin/custom-fields", { token: admin, body: { target_type: "dependent_type", target_id: typeId, ...body } })).body.custom_field.key
    breed = await define({ key: "breed", label: "Breed", type: "text", visibility: "customer", required: true, rank: 0 })
    weight = await define({ key: "weight_kg", label: "Weight (kg)", type: "number", visibility: "customer", rank: 1, config: { min: 0, max: 100 } })
    handling = await define({ key: "handling", label: "Handling notes", type: "text", visibility: "staff", rank: 2 })
  })

  it("lets a customer add, edit and remove a dependent with the type's fields and a photo", async () => {
    const offered = await api("/store/customers/me/dependents", { token: owner.token })
    expect(offered.status).toBe(200)
    const dogs = offered.body.dependent_types.find((type: { id: string }) => type.id === typeId)
    expect(dogs).toMatchObject({ label_singular: "Dog", label_plural: "Dogs" })
    expect(dogs.fields.map((field: { key: string }) => field.key)).toEqual([breed, weight])

    const created = await api("/store/customers/me/dependents", {
      token: owner.token,
      body: { type_id: typeId, name: "Biscuit", notes: "Nervous of hoovers", custom_fields: { [breed]: "Cockapoo", [weight]: 9.5 } },
    })
    expect(created.status).toBe(201)
    expect(created.body.dependent).toMatchObject({ name: "Biscuit", type_label: "Dog", notes: "Nervous of hoovers", photo_url: null })
    const values = Object.fromEntries(created.body.dependent.custom_fields.map((field: { key: string; value: unknown }) => [field.key, field.value]))
    expect(values).toEqual({ [breed]: "Cockapoo", [weight]: 9.5 })
    const id = created.body.dependent.id

    const edited = await api(`/store/customers/me/dependents/${id}`, { token: owner.token, body: { name: "Biscuit II", custom_fields: { [weight]: 11 } } })
    expect(edited.body.dependent.name).toBe("Biscuit II")
    expect(edited.body.dependent.custom_fields.find((field: { key: string }) => field.key === weight).value).toBe(11)
    expect(edited.body.dependent.custom_fields.find((field: { key: string }) => field.key === breed).value).toBe("Cockapoo")

    const photo = await api(`/store/customers/me/dependents/${id}/photo`, { token: owner.token, raw: png("biscuit.png") })
    expect(photo.status).toBe(200)
    expect(photo.body.dependent.photo_url).toMatch(new RegExp(`^/store/customers/me/dependents/${id}/photo\\?v=`))
    expect((await download(photo.body.dependent.photo_url)).type).toBe("image/png")
    const noPhoto = await api(`/store/customers/me/dependents/${id}/photo`, { token: owner.token, method: "DELETE" })
    expect(noPhoto.body.dependent.photo_url).toBeNull()

    // Staff see the staff-only field too, and can fill it.
    const staff = await api(`/admin/customers/${owner.customer.id}/dependents/${id}`, {
      token: admin,
      body: { custom_fields: { [handling]: "Lead at the door" } },
    })
    expect(staff.body.dependent.custom_fields.map((field: { key: string }) => field.key)).toEqual([breed, weight, handling])
    const portalView = await api(`/store/customers/me/dependents/${id}`, { token: owner.token })
    expect(JSON.stringify(portalView.body)).not.toContain("Lead at the door")

    expect((await api(`/store/customers/me/dependents/${id}`, { token: owner.token, method: "DELETE" })).status).toBe(200)
    const after = await api("/store/customers/me/dependents", { token: owner.token })
    expect(after.body.dependents.some((dependent: { id: string }) => dependent.id === id)).toBe(false)
  })

  it("checks the whole form on create and names the field; nothing is saved", async () => {
    const count = async () => (await sql("select count(*)::int as n from dependent where customer_id = $1", [stranger.customer.id]))[0].n
    const before = await count()
    const cases = [
      [{ type_id: typeId, name: "Rex", custom_fields: { [weight]: 20 } }, /Breed is required/],
      [{ type_id: typeId, name: "Rex", custom_fields: { [breed]: "Boxer", [weight]: 500 } }, /Weight \(kg\) must be at most 100/],
      [{ type_id: typeId, name: "Rex", custom_fields: { [breed]: "Boxer", [handling]: "x" } }, /no field/],
      [{ type_id: "dtype_nope", name: "Rex" }, /no dependent type/],
      [{ type_id: typeId, name: "" }, /name/],
    ] as const
    for (const [body, message] of cases) {
      const response = await api("/store/customers/me/dependents", { token: stranger.token, body })
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(response.body.message).toMatch(message)
    }
    expect(await count()).toBe(before)

    // Staff's saves name the field too, on create and on edit.
    const staffCreate = await api(`/admin/customers/${stranger.customer.id}/dependents`, {
      token: admin,
      body: { type_id: typeId, name: "Rex", custom_fields: { [breed]: "Boxer", [weight]: 500 } },
    })
    expect(staffCreate.status).toBe(400)
    expect(staffCreate.body.fields).toEqual([{ field: `custom_fields.${weight}`, message: "Weight (kg) must be at most 100" }])
    expect(await count()).toBe(before)
    const rex = await api(`/admin/customers/${stranger.customer.id}/dependents`, {
      token: admin,
      body: { type_id: typeId, name: "Rex", custom_fields: { [breed]: "Boxer" } },
    })
    expect(rex.status).toBe(201)
    const staffEdit = await api(`/admin/customers/${stranger.customer.id}/dependents/${rex.body.dependent.id}`, {
      token: admin,
      body: { custom_fields: { [weight]: -1 } },
    })
    expect(staffEdit.status).toBe(400)
    expect(staffEdit.body.fields).toEqual([{ field: `custom_fields.${weight}`, message: "Weight (kg) must be at least 0" }])
    // Another customer's dependent is still "not found", whatever the values.
    const foreign = await api(`/admin/customers/${owner.customer.id}/dependents/${rex.body.dependent.id}`, {
      token: admin,
      body: { custom_fields: { [weight]: -1 } },
    })
    expect(foreign.status).toBe(404)
    await api(`/admin/customers/${stranger.customer.id}/dependents/${rex.body.dependent.id}`, { token: admin, method: "DELETE" })
  })

  it("answers 404 for another customer's dependent on every route and changes nothing", async () => {
    const created = await api("/store/customers/me/dependents", {
      token: owner.token,
      body: { type_id: typeId, name: "Pepper", custom_fields: { [breed]: "Collie" } },
    })
    const id = created.body.dependent.id
    const attempts = [
      api(`/store/customers/me/dependents/${id}`, { token: stranger.token }),
      api(`/store/customers/me/dependents/${id}`, { token: stranger.token, body: { name: "Stolen" } }),
      api(`/store/customers/me/dependents/${id}`, { token: stranger.token, method: "DELETE" }),
      api(`/store/customers/me/dependents/${id}/photo`, { token: stranger.token, raw: png() }),
      api(`/store/customers/me/dependents/${id}/photo`, { token: stranger.token, method: "DELETE" }),
      api(`/admin/customers/${stranger.customer.id}/dependents/${id}`, { token: admin }),
    ]
    for (const response of await Promise.all(attempts)) expect(response.status).toBe(404)
    const mine = await api(`/store/customers/me/dependents/${id}`, { token: owner.token })
    expect(mine.body.dependent).toMatchObject({ name: "Pepper", photo_url: null })
  })

  it("hides dependents from the portal when staff turn the feature off", async () => {
    expect((await api("/admin/portal/settings", { token: admin, body: { dependents_enabled: false } })).status).toBe(200)
    try {
      const off = await api("/store/customers/me/dependents", { token: owner.token })
      expect(off.status).toBe(404)
      expect(off.body.message).toMatch(/not offered/)
      expect((await api("/store/portal/settings")).body.portal.dependents_enabled).toBe(false)
      // Staff still see them on the customer page.
      const page = (await api(`/admin/customers/${owner.customer.id}/profile`, { token: admin })).body.profile
      expect(page.dependents.some((dependent: { name: string }) => dependent.name === "Pepper")).toBe(true)
    } finally {
      await api("/admin/portal/settings", { token: admin, body: { dependents_enabled: true } })
    }
  })

  it("asks before deleting a type with dependents, then keeps them in each customer's history", async () => {
    const listed = await api("/admin/dependent-types", { token: admin })
    expect(listed.body.portal_enabled).toBe(true)
    const dogs = listed.body.dependent_types.find((type: { id: string }) => type.id === typeId)
    expect(dogs.dependent_count).toBeGreaterThan(0)
    expect(dogs.fields.map((field: { key: string }) => field.key)).toEqual([breed, weight, handling])

    const ask = await api(`/admin/dependent-types/${typeId}`, { token: admin, method: "DELETE" })
    expect(ask.status).toBe(409)
    expect(ask.body.dependent_count).toBe(dogs.dependent_count)
    const confirmed = await api(`/admin/dependent-types/${typeId}?confirm=true`, { token: admin, method: "DELETE" })
    expect(confirmed.status).toBe(200)

    const portal = await api("/store/customers/me/dependents", { token: owner.token })
    expect(portal.body.dependent_types.some((type: { id: string }) => type.id === typeId)).toBe(false)
    const page = (await api(`/admin/customers/${owner.customer.id}/profile`, { token: admin })).body.profile
    const line = page.activity.find((entry: { kind: string; message: string }) => entry.kind === "dependent_type_deleted")
    expect(line.message).toMatch(/Dogs were removed.*“Pepper” \(Breed: Collie\)/)
  })
})

describe("tags and the staff view of a profile", () => {
  it("keeps tags tidy, suggests them while typing, and never shows them to the customer", async () => {
    const tagged = await api(`/admin/customers/${owner.customer.id}/profile`, {
      token: admin,
      body: { tags: [" VIP ", "vip", "Key holder", ""] },
    })
    expect(tagged.status).toBe(200)
    expect(tagged.body.profile.tags).toEqual(["VIP", "Key holder"])
    await api(`/admin/customers/${stranger.customer.id}/profile`, { token: admin, body: { tags: ["VIP"] } })

    const suggestions = await api("/admin/customer-tags?q=vi", { token: admin })
    expect(suggestions.status).toBe(200)
    const vip = suggestions.body.tags.find((tag: { value: string }) => tag.value === "VIP")
    expect(vip.count).toBeGreaterThanOrEqual(2)
    expect(suggestions.body.tags.every((tag: { value: string }) => tag.value.toLowerCase().startsWith("vi"))).toBe(true)
    // LIKE wildcards in what staff type are taken literally.
    expect((await api("/admin/customer-tags?q=%25", { token: admin })).body.tags).toEqual([])
    const longQuery = await api(`/admin/customer-tags?q=${"v".repeat(51)}`, { token: admin })
    expect(longQuery.status).toBe(400)
    expect((await api("/admin/customer-tags?colour=red", { token: admin })).status).toBe(400)

    const portal = await api("/store/customers/me/profile", { token: owner.token })
    expect(portal.body.profile.tags).toBeUndefined()
    const sneaky = await api("/store/customers/me/profile", { token: owner.token, body: { tags: ["Gold"] } })
    expect(sneaky.status).toBe(400)
    const tooLong = await api(`/admin/customers/${owner.customer.id}/profile`, { token: admin, body: { tags: ["x".repeat(51)] } })
    expect(tooLong.status).toBe(400)
    expect(tooLong.body.message).toMatch(/at most 50 characters/)
  })

  it("reads a whole customer page in one request, with staff-only parts only for staff", async () => {
    const { token, customer } = await signUpCustomer({ first_name: "Whole", last_name: "Page", email: uniqueEmail("whole") })
    await api("/store/customers/me/additional-contacts", { token, body: { name: "Partner", emails: ["partner@example.com"] } })
    await api("/store/customers/me/business-profiles", {
      token,
      body: { name: "Page Ltd", billing_email: "a@page.test", address_1: "1 Road", city: "York", postal_code: "YO1 1AA", country_code: "gb" },
    })
    await api(`/admin/customers/${customer.id}/profile`, { token: admin, body: { internal_notes: "Prefers mornings", tags: ["New"] } })

    const page = (await api(`/admin/customers/${customer.id}/profile`, { token: admin })).body.profile
    expect(page).toMatchObject({
      first_name: "Whole",
      internal_notes: "Prefers mornings",
      tags: ["New"],
      additional_contacts: [expect.objectContaining({ name: "Partner" })],
      business_profiles: [expect.objectContaining({ name: "Page Ltd" })],
      billing_address: null,
      locations: [],
      dependents: [],
    })
    expect(Array.isArray(page.custom_fields)).toBe(true)
    // Each change above is in the activity, newest first.
    expect(page.activity.map((entry: { kind: string }) => entry.kind)).toEqual(
      expect.arrayContaining(["additional_contact_added", "business_profile_added", "note_updated", "tags_updated"])
    )

    const portal = (await api("/store/customers/me/profile", { token })).body.profile
    for (const staffOnly of ["internal_notes", "tags", "tax_exempt", "payment_terms_days", "activity", "dependents", "business_profiles"]) {
      expect(portal, staffOnly).not.toHaveProperty(staffOnly)
    }
  })

  it("refuses customer tokens on staff routes", async () => {
    for (const path of ["/admin/portal/archived-customers", "/admin/custom-fields", "/admin/customer-tags", `/admin/customers/${owner.customer.id}/profile`]) {
      expect((await api(path, { token: owner.token })).status, path).toBe(401)
    }
  })
})
