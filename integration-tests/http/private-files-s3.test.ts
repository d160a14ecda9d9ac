import { existsSync } from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startFakeS3, type FakeS3 } from "../fakes/s3-server"
import { adminToken, api, signUpCustomer, TINY_PNG } from "../support/api"
import { png } from "../support/customer-records"
import { asCustomer, asStaff, fetchFile } from "../support/files"
import { startSecondServer } from "../support/second-server"

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")

type Customer = Awaited<ReturnType<typeof signUpCustomer>>

let s3: FakeS3
let server: Awaited<ReturnType<typeof startSecondServer>>
let admin: string
let owner: Customer
let stranger: Customer

/** A store or admin call to the S3-configured server. */
async function call(pathname: string, init: { token?: string; staff?: boolean; method?: string; upload?: ReturnType<typeof png>; body?: unknown } = {}) {
  const headers = init.staff ? asStaff(init.token) : asCustomer(init.token)
  let body: BodyInit | undefined
  if (init.upload) {
    headers["content-type"] = init.upload.contentType
    body = new Uint8Array(init.upload.data)
  } else if (init.body !== undefined) {
    headers["content-type"] = "application/json"
    body = JSON.stringify(init.body)
  }
  const response = await fetch(`${server.url}${pathname}`, { method: init.method ?? (body ? "POST" : "GET"), headers, body })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : null }
}

beforeAll(async () => {
  s3 = await startFakeS3()
  // The same app and database, with Medusa's S3 provider instead of the local disk.
  server = await startSecondServer({
    FILE_S3_BUCKET: s3.bucket,
    FILE_S3_ENDPOINT: s3.url,
    FILE_S3_REGION: "eu-west-2",
    FILE_S3_ACCESS_KEY_ID: "test-key",
    FILE_S3_SECRET_ACCESS_KEY: "test-secret",
    FILE_S3_FORCE_PATH_STYLE: "true",
  })
  admin = await adminToken()
  owner = await signUpCustomer({ first_name: "Sasha", last_name: "Bucket" })
  stranger = await signUpCustomer({ first_name: "Nadia", last_name: "Nosy" })
}, 240_000)

afterAll(async () => {
  await server?.stop()
  await s3?.close()
})

describe("private files in S3", () => {
  it("are uploaded with a private ACL, served to the owner and staff only, and deleted from the bucket when removed", async () => {
    const set = await call("/store/customers/me/profile/picture", { token: owner.token, upload: png("sasha.png") })
    expect(set.status, JSON.stringify(set.body)).toBe(200)

    // In the bucket, private, and nothing written to the local disk.
    const stored = [...s3.objects.entries()].filter(([, object]) => object.body.equals(TINY_PNG))
    expect(stored).toHaveLength(1)
    const [key, object] = stored[0]
    expect(object.acl).toBe("private")
    expect(existsSync(path.join(ROOT, "uploads/private", key))).toBe(false)
    expect(existsSync(path.join(ROOT, "static", key))).toBe(false)
    // Nobody reads it from the bucket without credentials.
    expect((await fetchFile(`${s3.url}/${s3.bucket}/${key}`)).status).toBe(403)

    const mine = await fetchFile(`${server.url}${set.body.picture_url}`, asCustomer(owner.token))
    expect(mine.status).toBe(200)
    expect(mine.bytes.equals(TINY_PNG)).toBe(true)
    expect(mine.headers.get("content-type")).toBe("image/png")
    const staffUrl = (await call(`/admin/customers/${owner.customer.id}/profile`, { token: admin, staff: true })).body.profile.picture_url
    expect((await fetchFile(`${server.url}${staffUrl}`, asStaff(admin))).bytes.equals(TINY_PNG)).toBe(true)
    expect((await fetchFile(`${server.url}${set.body.picture_url}`, asCustomer())).status).toBe(401)
    expect((await fetchFile(`${server.url}${staffUrl}`)).status).toBe(401)

    const removed = await call("/store/customers/me/profile/picture", { token: owner.token, method: "DELETE" })
    expect(removed.status).toBe(200)
    expect(s3.objects.has(key)).toBe(false)
    expect((await fetchFile(`${server.url}${set.body.picture_url}`, asCustomer(owner.token))).status).toBe(404)
  })

  it("another customer gets 404 for a dependent's photo, with nothing of the owner's", async () => {
    const types = (await call("/store/customers/me/dependents", { token: owner.token })).body.dependent_types as { id: string }[]
    const dependent = (await call("/store/customers/me/dependents", { token: owner.token, body: { type_id: types[0].id, name: "Pebble" } })).body.dependent
    const photo = await call(`/store/customers/me/dependents/${dependent.id}/photo`, { token: owner.token, upload: png("pebble.png") })
    expect(photo.status, JSON.stringify(photo.body)).toBe(200)
    const url = photo.body.dependent.photo_url as string

    expect((await fetchFile(`${server.url}${url}`, asCustomer(owner.token))).bytes.equals(TINY_PNG)).toBe(true)
    const theirs = await fetchFile(`${server.url}${url}`, asCustomer(stranger.token))
    expect(theirs.status).toBe(404)
    expect(theirs.text).not.toMatch(/Pebble|Sasha/)
    // Every read of the bucket was the server's own, signed.
    expect(s3.requests.filter((request) => request.method === "GET" && request.signed === false && request.key)).toHaveLength(1)
    // The main server (local disk) agrees the photo exists for its owner through the same API.
    expect((await api(`/store/customers/me/dependents/${dependent.id}`, { token: owner.token })).body.dependent.photo_url).toBe(url)
  })
})
