import { randomInt, randomUUID } from "node:crypto"
import http from "node:http"
import { inject } from "vitest"
import { withSentLinks } from "./sent-emails"

export type ApiResponse<T = any> = { status: number; body: T; headers: http.IncomingHttpHeaders }

type RequestOptions = {
  method?: "GET" | "POST" | "PUT" | "DELETE"
  body?: unknown
  token?: string
  /** Store routes need the portal's publishable key; pass false to leave it out. */
  publishableKey?: boolean
  /** The caller's IP (any 127.x.y.z). Logins are rate limited per IP. */
  fromIp?: string
  headers?: Record<string, string>
  /** A body that is not JSON, e.g. a multipart upload (see `fileUpload`). */
  raw?: { contentType: string; data: Buffer }
}

export const randomLoopbackIp = () => `127.${randomInt(1, 255)}.${randomInt(1, 255)}.${randomInt(1, 255)}`

/**
 * Each test file calls from its own loopback address, so the per-IP login limit counts one
 * file's failed attempts, not the whole run's.
 */
const FILE_IP = randomLoopbackIp()

/** Calls the booted Medusa server the way the portal and the admin do: JSON over HTTP. */
export async function api<T = any>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers }
  const payload = options.raw ? options.raw.data : options.body === undefined ? undefined : JSON.stringify(options.body)
  if (payload !== undefined) headers["content-type"] = options.raw?.contentType ?? "application/json"
  // Node's client frames no body for DELETE unless told its length: the body would then arrive as a
  // second, broken request (a bare 400) while the DELETE itself ran without it.
  if (payload !== undefined && headers["content-length"] === undefined) headers["content-length"] = String(Buffer.byteLength(payload))
  if (options.token) headers.authorization = `Bearer ${options.token}`
  if (path.startsWith("/store") && options.publishableKey !== false) {
    headers["x-publishable-api-key"] = inject("publishableKey")
  }
  const url = new URL(path, inject("backendUrl").replace("localhost", "127.0.0.1"))
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: options.method ?? (payload === undefined ? "GET" : "POST"), headers, localAddress: options.fromIp ?? FILE_IP },
      (response) => {
        let text = ""
        response.setEncoding("utf8")
        response.on("data", (chunk) => (text += chunk))
        response.on("end", () => {
          let body: any = text
          try {
            body = text ? JSON.parse(text) : null
          } catch {}
          resolve({ status: response.statusCode ?? 0, body, headers: response.headers } as ApiResponse<T>)
        })
      }
    )
    request.on("error", reject)
    request.end(payload)
  })
}

export async function login(actor: "customer" | "user", email: string, password: string): Promise<string> {
  const { status, body } = await api(`/auth/${actor}/emailpass`, { body: { email, password } })
  if (status !== 200) throw new Error(`${actor} login for ${email} failed: ${status} ${JSON.stringify(body)}`)
  return body.token
}

export const adminToken = () => {
  const demo = inject("demo")
  return login("user", demo.adminEmail, demo.adminPassword)
}

export const demoCustomerToken = () => {
  const demo = inject("demo")
  return login("customer", demo.customerEmail, demo.customerPassword)
}

export const uniqueEmail = (label: string) => `${label}.${randomUUID().slice(0, 8)}@example.test`

/**
 * A brand-new customer through the portal's own flow: sign-up, the emailed verification
 * link, then a password login. Returns their session token.
 */
export async function signUpCustomer(details: { first_name: string; last_name: string; email?: string; kind?: "personal" | "business" }) {
  const email = details.email ?? uniqueEmail(details.first_name.toLowerCase())
  const password = "correct-horse-battery"
  const signedUp = await api("/store/portal/sign-up", {
    body: { first_name: details.first_name, last_name: details.last_name, email, phone: "+44 7700 900000", password, kind: details.kind ?? "personal" },
  })
  if (signedUp.status !== 201) throw new Error(`sign-up failed: ${JSON.stringify(signedUp.body)}`)
  const mail = await latestEmail(email, "account-verification")
  const verified = await api("/store/portal/verify-email", { body: { token: tokenFrom(mail.data.verify_url) } })
  if (verified.status !== 200) throw new Error(`verification failed: ${JSON.stringify(verified.body)}`)
  const token = await login("customer", email, password)
  const me = await api("/store/customers/me", { token })
  return { email, password, customer: me.body.customer, token }
}

/** Waits until `check` stops throwing (for work done by subscribers after a response). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      return await check()
    } catch (error) {
      if (Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
}

/**
 * The newest email the app sent to `to`, as stored, but with its one-time links as the customer got
 * them (the stored record shows them masked; the real ones are read from what the fake Resend received).
 */
export async function latestEmail(to: string, template?: string) {
  const token = await adminToken()
  return eventually(async () => {
    const { body } = await api(
      `/admin/notifications?to=${encodeURIComponent(to)}&channel=email&order=-created_at&limit=20&fields=id,to,template,data,created_at,external_id`,
      { token }
    )
    const match = (body.notifications as { template: string; external_id: string | null; data: Record<string, any> }[]).find(
      (notification) => !template || notification.template === template
    )
    if (!match) throw new Error(`No ${template ?? ""} email to ${to} yet`)
    return withSentLinks(match)
  })
}

export async function emailCount(to: string) {
  const token = await adminToken()
  const { body } = await api(`/admin/notifications?to=${encodeURIComponent(to)}&channel=email&limit=1`, { token })
  return body.count as number
}

/** The token from a link in an email. */
export const tokenFrom = (url: string) => new URL(url).searchParams.get("token")!

/** A multipart/form-data body with one file in the "file" field, as a browser form sends it. */
export function fileUpload(file: { name: string; type: string; data: Buffer }) {
  const boundary = `----portal-test-${randomUUID()}`
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    data: Buffer.concat([Buffer.from(head), file.data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  }
}

/** A real 1×1 PNG (what the File module stores for a profile picture in these tests). */
export const TINY_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64")
