import { existsSync } from "node:fs"
import { mkdir, writeFile } from "node:fs/promises"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { beforeAll, describe, expect, it } from "vitest"
import { inject } from "vitest"
// @ts-expect-error plain ESM helpers shared with `npm run dev`
import { run } from "../../scripts/lib/processes.mjs"
import { PROFILE_LINK_TABLE } from "../../plugin/src/db/tables"
import { adminToken, api, fileUpload, signUpCustomer, TINY_PNG } from "../support/api"
import { bookSomething, png } from "../support/customer-records"
import { sql } from "../support/db"
import { apiBase, asCustomer, asStaff, fetchFile, portalBase, TINY_PDF } from "../support/files"
import { portalSignIn } from "../support/portal"

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
const onDisk = (folder: "static" | "uploads/private", key: string) => existsSync(path.join(ROOT, folder, key))

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
type OwnedFile = { label: string; store: string; admin: string; key: string; bytes: Buffer; type: string }

let admin: string
let owner: Customer
let stranger: Customer
let files: OwnedFile[]
let dependentId: string
let bookingId: string

const must = async (what: string, call: Promise<{ status: number; body: any }>) => {
  const response = await call
  if (response.status >= 300) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`)
  return response.body
}
const withoutQuery = (url: string) => url.split("?")[0]

beforeAll(async () => {
  admin = await adminToken()
  owner = await signUpCustomer({ first_name: "Priya", last_name: "Private" })
  stranger = await signUpCustomer({ first_name: "Nosy", last_name: "Neighbour" })

  const picture = await must("picture", api("/store/customers/me/profile/picture", { token: owner.token, raw: png("me.png") }))
  const types = (await must("types", api("/store/customers/me/dependents", { token: owner.token }))).dependent_types as { id: string }[]
  const dependent = (await must("dependent", api("/store/customers/me/dependents", { token: owner.token, body: { type_id: types[0].id, name: "Biscuit" } })))
    .dependent
  dependentId = dependent.id
  const photo = (await must("photo", api(`/store/customers/me/dependents/${dependentId}/photo`, { token: owner.token, raw: png("biscuit.png") }))).dependent
  const { booking } = await bookSomething(owner.token)
  bookingId = booking.id
  const image = (await must("attachment", api(`/store/customers/me/bookings/${bookingId}/attachments`, { token: owner.token, raw: png("boiler.png") })))
    .attachment
  const pdf = (
    await must(
      "pdf",
      api(`/store/customers/me/bookings/${bookingId}/attachments`, {
        token: owner.token,
        raw: fileUpload({ name: "Gas safety.pdf", type: "application/pdf", data: TINY_PDF }),
      })
    )
  ).attachment

  const [profileRow] = await sql<{ key: string }>(
    `select p.picture_file_id as key from customer_profile p join ${PROFILE_LINK_TABLE} l on l.customer_profile_id = p.id where l.customer_id = $1 and l.deleted_at is null`,
    [owner.customer.id]
  )
  const [dependentRow] = await sql<{ key: string }>(`select photo_file_id as key from dependent where id = $1`, [dependentId])
  const attachmentRows = await sql<{ id: string; key: string }>(`select id, file_id as key from booking_attachment where booking_id = $1`, [bookingId])
  const keyOf = (id: string) => attachmentRows.find((row) => row.id === id)!.key

  files = [
    {
      label: "profile picture",
      store: picture.picture_url,
      admin: (await must("admin profile", api(`/admin/customers/${owner.customer.id}/profile`, { token: admin }))).profile.picture_url,
      key: profileRow?.key ?? "",
      bytes: TINY_PNG,
      type: "image/png",
    },
    {
      label: "dependent's photo",
      store: photo.photo_url,
      admin: (await must("admin dependent", api(`/admin/customers/${owner.customer.id}/dependents/${dependentId}`, { token: admin }))).dependent.photo_url,
      key: dependentRow.key,
      bytes: TINY_PNG,
      type: "image/png",
    },
    {
      label: "booking photo",
      store: image.url,
      admin: `/admin/bookings/${bookingId}/attachments/${image.id}`,
      key: keyOf(image.id),
      bytes: TINY_PNG,
      type: "image/png",
    },
    {
      label: "booking PDF",
      store: pdf.url,
      admin: `/admin/bookings/${bookingId}/attachments/${pdf.id}`,
      key: keyOf(pdf.id),
      bytes: TINY_PDF,
      type: "application/pdf",
    },
  ]
}, 120_000)

describe("private files", () => {
  it("are stored outside ./static, and nothing is served at a public URL", async () => {
    for (const file of files.filter((each) => each.key)) {
      expect(onDisk("static", file.key), file.label).toBe(false)
      expect(onDisk("uploads/private", file.key), file.label).toBe(true)
      expect((await fetchFile(`${apiBase()}/static/${file.key}`)).status, file.label).toBe(404)
    }
    // The API gives routes, not storage addresses.
    for (const file of files) expect(file.store, file.label).toMatch(/^\/store\/customers\/me\//)
  })

  it("are served to their owner and to staff, with the right type, cached only privately", async () => {
    for (const file of files) {
      const mine = await fetchFile(`${apiBase()}${file.store}`, asCustomer(owner.token))
      expect(mine.status, file.label).toBe(200)
      expect(mine.bytes.equals(file.bytes), file.label).toBe(true)
      expect(mine.headers.get("content-type"), file.label).toBe(file.type)
      expect(mine.headers.get("cache-control"), file.label).toMatch(/^private/)
      expect(mine.headers.get("x-content-type-options")).toBe("nosniff")

      expect(file.admin, file.label).toMatch(/^\/admin\//)
      const staff = await fetchFile(`${apiBase()}${file.admin}`, asStaff(admin))
      expect(staff.status, file.label).toBe(200)
      expect(staff.bytes.equals(file.bytes), file.label).toBe(true)
    }
  })

  it("are refused signed out, to another customer (404, nothing about the owner) and without a staff session", async () => {
    for (const file of files) {
      expect((await fetchFile(`${apiBase()}${file.store}`, asCustomer())).status, file.label).toBe(401)
      const theirs = await fetchFile(`${apiBase()}${file.store}`, asCustomer(stranger.token))
      expect(theirs.status, file.label).toBe(404)
      expect(theirs.text).not.toContain("Priya")
      expect(theirs.bytes.includes(file.bytes), file.label).toBe(false)
      expect((await fetchFile(`${apiBase()}${file.admin}`)).status, file.label).toBe(401)
    }
    // A file of the owner's booking asked for under the stranger's own booking: still 404.
    const { booking } = await bookSomething(stranger.token)
    const attachmentId = files[2].store.split("/").pop()
    expect((await fetchFile(`${apiBase()}/store/customers/me/bookings/${booking.id}/attachments/${attachmentId}`, asCustomer(stranger.token))).status).toBe(404)
    expect((await fetchFile(`${apiBase()}/admin/bookings/${booking.id}/attachments/${attachmentId}`, asStaff(admin))).status).toBe(404)
  }, 60_000)

  it("reach the browser through the portal for the signed-in customer only", async () => {
    const ownerSession = (await portalSignIn(owner.email, owner.password)).cookie!
    const strangerSession = (await portalSignIn(stranger.email, stranger.password)).cookie!
    const page = await fetchFile(`${portalBase()}/account`, { cookie: ownerSession })
    expect(page.status).toBe(200)
    const pictureSrc = page.text.match(/src="(\/files\/profile\/picture\?v=[^"]+)"/)?.[1]
    expect(pictureSrc, "the account page shows the picture from the portal's own address").toBeTruthy()

    for (const file of files) {
      const portalPath = file.store.replace("/store/customers/me/", "/files/")
      const mine = await fetchFile(`${portalBase()}${portalPath}`, { cookie: ownerSession })
      expect(mine.status, file.label).toBe(200)
      expect(mine.bytes.equals(file.bytes), file.label).toBe(true)
      expect((await fetchFile(`${portalBase()}${portalPath}`)).status, `${file.label} signed out`).toBe(404)
      if (file.label !== "profile picture") {
        expect((await fetchFile(`${portalBase()}${portalPath}`, { cookie: strangerSession })).status, `${file.label} as someone else`).toBe(404)
      }
    }
    // Only file routes pass through: nothing else of the API is reachable this way.
    expect((await fetchFile(`${portalBase()}/files/saved-cards`, { cookie: ownerSession })).status).toBe(404)
    expect((await fetchFile(`${portalBase()}/files/profile`, { cookie: ownerSession })).status).toBe(404)
  }, 60_000)

  it("a replaced picture gets a new address and the old file is deleted; a removed one is gone", async () => {
    const customer = await signUpCustomer({ first_name: "Rita", last_name: "Replace" })
    const first = await must("first", api("/store/customers/me/profile/picture", { token: customer.token, raw: png("one.png") }))
    const [before] = await sql<{ key: string }>(
      `select p.picture_file_id as key from customer_profile p join ${PROFILE_LINK_TABLE} l on l.customer_profile_id = p.id where l.customer_id = $1 and l.deleted_at is null`,
      [customer.customer.id]
    )
    const second = await must("second", api("/store/customers/me/profile/picture", { token: customer.token, raw: png("two.png") }))
    expect(second.picture_url).not.toBe(first.picture_url)
    expect(withoutQuery(second.picture_url)).toBe(withoutQuery(first.picture_url))
    expect(onDisk("uploads/private", before.key)).toBe(false)
    expect((await fetchFile(`${apiBase()}${second.picture_url}`, asCustomer(customer.token))).status).toBe(200)

    await must("remove", api("/store/customers/me/profile/picture", { token: customer.token, method: "DELETE" }))
    const gone = await fetchFile(`${apiBase()}${second.picture_url}`, asCustomer(customer.token))
    expect(gone.status).toBe(404)
    expect(JSON.parse(gone.text).message).toMatch(/no profile picture/i)
  })

  it("files stored publicly before this release are moved to private storage by the migration script", async () => {
    const customer = await signUpCustomer({ first_name: "Olly", last_name: "Oldfile" })
    const types = (await must("types", api("/store/customers/me/dependents", { token: customer.token }))).dependent_types as { id: string }[]
    const dependent = (
      await must("dependent", api("/store/customers/me/dependents", { token: customer.token, body: { type_id: types[0].id, name: "Old Rex" } }))
    ).dependent
    // A photo as the earlier release stored it: in ./static, served at /static/<key>.
    const key = `${Date.now()}-dependent-legacy-${dependent.id}.png`
    await mkdir(path.join(ROOT, "static"), { recursive: true })
    await writeFile(path.join(ROOT, "static", key), TINY_PNG)
    await sql(`update dependent set photo_file_id = $1, photo_url = $2 where id = $3`, [key, `${inject("backendUrl")}/static/${key}`, dependent.id])
    expect((await fetchFile(`${apiBase()}/static/${key}`)).status).toBe(200)

    await run(path.join(ROOT, "node_modules/.bin/medusa"), ["exec", "./integration-tests/support/run-private-files-migration.cts"], {
      cwd: ROOT,
      env: { DATABASE_URL: inject("databaseUrl"), NODE_ENV: "development", MEDUSA_ADMIN_DISABLED: "true" },
      label: "private-files",
      quiet: true,
    })

    expect((await fetchFile(`${apiBase()}/static/${key}`)).status).toBe(404)
    expect(onDisk("static", key)).toBe(false)
    const [row] = await sql<{ photo_file_id: string }>(`select photo_file_id from dependent where id = $1`, [dependent.id])
    expect(row.photo_file_id).not.toBe(key)
    expect(onDisk("uploads/private", row.photo_file_id)).toBe(true)
    const moved = (await must("dependent", api(`/store/customers/me/dependents/${dependent.id}`, { token: customer.token }))).dependent
    const served = await fetchFile(`${apiBase()}${moved.photo_url}`, asCustomer(customer.token))
    expect(served.status).toBe(200)
    expect(served.bytes.equals(TINY_PNG)).toBe(true)
  }, 180_000)
})
