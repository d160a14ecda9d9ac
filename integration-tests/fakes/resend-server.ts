/**
 * A stand-in for the Resend API's `POST /emails` and `GET /emails/:id`, speaking its wire
 * format: point the SDK at it with `new Resend(key, { baseUrl: url })` (or the provider's
 * `base_url` option). Tests read back what was sent with the SDK's `emails.get(id)`.
 */
import { randomUUID } from "node:crypto"
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"

/** The JSON body Resend's SDK sends (snake_case on the wire), as received. */
export type ResendEmailBody = {
  from: string
  to: string | string[]
  subject: string
  html?: string
  text?: string
  reply_to?: string | string[]
  cc?: string | string[]
  bcc?: string | string[]
  headers?: Record<string, string>
  tags?: { name: string; value: string }[]
  attachments?: { filename?: string; content?: string; path?: string; content_type?: string; content_id?: string }[]
  scheduled_at?: string
  [field: string]: unknown
}

export type ReceivedEmail = { id: string; body: ResendEmailBody; headers: IncomingHttpHeaders; created_at: string }

const asList = (value: string | string[] | undefined) => (value === undefined ? null : Array.isArray(value) ? value : [value])

/** Resend's "retrieve email" answer: addresses as lists, reply_to included. */
const retrieved = ({ id, body, created_at }: ReceivedEmail) => ({
  object: "email",
  id,
  from: body.from,
  to: asList(body.to),
  subject: body.subject,
  html: body.html ?? null,
  text: body.text ?? null,
  cc: asList(body.cc),
  bcc: asList(body.bcc),
  reply_to: asList(body.reply_to),
  created_at,
  last_event: "delivered",
})

/** How the fake misbehaves for one recipient: answer with an error status, or never answer. */
export type ResendFault = { mode: "error"; status: number } | { mode: "hang" }
/** Every POST /emails the fake saw, with what it did: for tests of retries and their waits. */
export type SendAttempt = { to: string[]; at: number; outcome: "sent" | "repeated" | "refused" | "failed" | "hung"; idempotency_key: string | null }

export type FakeResend = {
  url: string
  emails: ReceivedEmail[]
  attempts: SendAttempt[]
  /** Misbehave for emails to `to` (`times` tries, or until cleared). Also over HTTP: POST /_fake/faults. */
  fail(to: string, fault: ResendFault, times?: number): void
  clearFaults(): void
  close(): Promise<void>
}

// Resend's error body: { statusCode, message, name }.
function reply(res: ServerResponse, statusCode: number, body: object) {
  res.writeHead(statusCode, { "content-type": "application/json" }).end(JSON.stringify(body))
}
const refuse = (res: ServerResponse, statusCode: number, name: string, message: string) => reply(res, statusCode, { statusCode, message, name })

const ADDRESS = /^(?:[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+|[^<>]*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>)$/
const nonEmpty = (value: unknown) => (typeof value === "string" && value.trim() !== "") || (Array.isArray(value) && value.length > 0)

function validate(body: Record<string, unknown>): string | null {
  for (const field of ["from", "to", "subject"]) {
    if (!nonEmpty(body[field])) return `Missing \`${field}\` field.`
  }
  if (typeof body.from !== "string" || !ADDRESS.test(body.from.trim())) {
    return "Invalid `from` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format."
  }
  const to = Array.isArray(body.to) ? body.to : [body.to]
  if (!to.every((address) => typeof address === "string" && ADDRESS.test(address.trim()))) {
    return "Invalid `to` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format."
  }
  if (!nonEmpty(body.html) && !nonEmpty(body.text) && body.template === undefined) {
    return "Missing `html` or `text` field."
  }
  return null
}

export async function startFakeResend(): Promise<FakeResend> {
  const emails: ReceivedEmail[] = []
  const attempts: SendAttempt[] = []
  const faults = new Map<string, { fault: ResendFault; remaining: number | null }>()
  // Resend's Idempotency-Key: a repeated key answers with the first email's id and sends nothing.
  const byIdempotencyKey = new Map<string, string>()
  const fail = (to: string, fault: ResendFault, times?: number) => void faults.set(to.trim().toLowerCase(), { fault, remaining: times ?? null })
  const clearFaults = () => faults.clear()

  /** The fault for this email's recipients, counted down when it has a number of tries. */
  function faultFor(recipients: string[]): ResendFault | null {
    for (const recipient of recipients) {
      const entry = faults.get(recipient.trim().toLowerCase())
      if (!entry) continue
      if (entry.remaining !== null && --entry.remaining <= 0) faults.delete(recipient.trim().toLowerCase())
      return entry.fault
    }
    return null
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (chunk: Buffer) => chunks.push(chunk))
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://fake")
      const path = url.pathname.replace(/\/+$/, "")
      // The tests' controls (not part of Resend's API): faults per recipient, and the tries seen.
      if (path === "/_fake/faults" && req.method === "POST") {
        const { to, fault, times } = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as { to: string; fault: ResendFault; times?: number }
        fail(to, fault, times)
        return reply(res, 200, { ok: true })
      }
      if (path === "/_fake/faults" && req.method === "DELETE") {
        clearFaults()
        return reply(res, 200, { ok: true })
      }
      // Resend's retrieve-email answer has no attachments: tests read what was sent through this control.
      const sentBody = /^\/_fake\/emails\/([^/]+)$/.exec(path)
      if (sentBody && req.method === "GET") {
        const email = emails.find((sent) => sent.id === sentBody[1])
        return email ? reply(res, 200, email.body) : refuse(res, 404, "not_found", "Email not found")
      }
      if (path === "/_fake/attempts" && req.method === "GET") {
        const to = url.searchParams.get("to")?.toLowerCase()
        return reply(res, 200, { attempts: to ? attempts.filter((attempt) => attempt.to.some((address) => address.toLowerCase() === to)) : attempts })
      }
      const one = /^\/emails\/([^/]+)$/.exec(path)
      if (path !== "/emails" && !one) return refuse(res, 404, "not_found", "The requested endpoint does not exist.")
      if (req.method !== (one ? "GET" : "POST")) return refuse(res, 405, "method_not_allowed", "Method is not allowed for the requested path.")

      const auth = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "")
      if (!auth) {
        return refuse(
          res,
          401,
          "missing_api_key",
          "Missing API key in the authorization header. Include the following header in the request: Authorization: Bearer YOUR_API_KEY"
        )
      }
      if (!auth[1].startsWith("re_")) return refuse(res, 403, "invalid_api_key", "API key is invalid")
      if (one) {
        const email = emails.find((sent) => sent.id === one[1])
        return email ? reply(res, 200, retrieved(email)) : refuse(res, 404, "not_found", "Email not found")
      }

      let body: unknown
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"))
      } catch {
        return refuse(res, 400, "validation_error", "Invalid JSON body.")
      }
      if (typeof body !== "object" || body === null || Array.isArray(body)) {
        return refuse(res, 422, "validation_error", "The request body must be a JSON object.")
      }
      const recipients = [(body as ResendEmailBody).to].flat().map(String)
      const key = typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : null
      const attempt: SendAttempt = { to: recipients, at: Date.now(), outcome: "sent", idempotency_key: key }
      attempts.push(attempt)
      const problem = validate(body as Record<string, unknown>)
      if (problem) attempt.outcome = "refused"
      if (problem) return refuse(res, 422, problem.startsWith("Missing") ? "missing_required_field" : "validation_error", problem)

      const fault = faultFor(recipients)
      if (fault?.mode === "hang") {
        // Never answers; the socket goes when the client gives up or the fake closes.
        attempt.outcome = "hung"
        return
      }
      if (fault) {
        attempt.outcome = "failed"
        return refuse(res, fault.status, fault.status === 429 ? "rate_limit_exceeded" : "internal_server_error", "An unexpected error occurred.")
      }
      if (key && byIdempotencyKey.has(key)) {
        attempt.outcome = "repeated"
        return reply(res, 200, { id: byIdempotencyKey.get(key) })
      }
      const id = randomUUID()
      if (key) byIdempotencyKey.set(key, id)
      emails.push({ id, body: body as ResendEmailBody, headers: req.headers, created_at: new Date().toISOString() })
      reply(res, 200, { id })
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => resolve())
  })
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    emails,
    attempts,
    fail,
    clearFaults,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        // fetch keeps connections alive; drop them so close() resolves now.
        server.closeAllConnections()
      }),
  }
}
