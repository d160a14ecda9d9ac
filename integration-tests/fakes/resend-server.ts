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

export type FakeResend = { url: string; emails: ReceivedEmail[]; close(): Promise<void> }

// Resend's error body: { statusCode, message, name }.
function reply(res: ServerResponse, statusCode: number, body: object) {
  res.writeHead(statusCode, { "content-type": "application/json" }).end(JSON.stringify(body))
}
const fail = (res: ServerResponse, statusCode: number, name: string, message: string) =>
  reply(res, statusCode, { statusCode, message, name })

const ADDRESS = /^(?:[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+|[^<>]*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>)$/
const nonEmpty = (value: unknown) =>
  (typeof value === "string" && value.trim() !== "") || (Array.isArray(value) && value.length > 0)

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

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (chunk: Buffer) => chunks.push(chunk))
    req.on("end", () => {
      const path = new URL(req.url ?? "/", "http://fake").pathname.replace(/\/+$/, "")
      const one = /^\/emails\/([^/]+)$/.exec(path)
      if (path !== "/emails" && !one) return fail(res, 404, "not_found", "The requested endpoint does not exist.")
      if (req.method !== (one ? "GET" : "POST")) return fail(res, 405, "method_not_allowed", "Method is not allowed for the requested path.")

      const auth = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "")
      if (!auth) {
        return fail(
          res,
          401,
          "missing_api_key",
          "Missing API key in the authorization header. Include the following header in the request: Authorization: Bearer YOUR_API_KEY"
        )
      }
      if (!auth[1].startsWith("re_")) return fail(res, 403, "invalid_api_key", "API key is invalid")
      if (one) {
        const email = emails.find((sent) => sent.id === one[1])
        return email ? reply(res, 200, retrieved(email)) : fail(res, 404, "not_found", "Email not found")
      }

      let body: unknown
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"))
      } catch {
        return fail(res, 400, "validation_error", "Invalid JSON body.")
      }
      if (typeof body !== "object" || body === null || Array.isArray(body)) {
        return fail(res, 422, "validation_error", "The request body must be a JSON object.")
      }
      const problem = validate(body as Record<string, unknown>)
      if (problem) return fail(res, 422, problem.startsWith("Missing") ? "missing_required_field" : "validation_error", problem)

      const id = randomUUID()
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
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        // fetch keeps connections alive; drop them so close() resolves now.
        server.closeAllConnections()
      }),
  }
}
