/** The portal's one way to the store API: configuration, the HTTP call and its errors. */

import { clientAddressHeaders } from "~/lib/request-context.server"

const DEFAULT_BACKEND_URL = "http://localhost:9000"
const DEFAULT_BUSINESS_NAME = "Brightside Home Services"

export function getBusinessName(): string {
  return process.env.PORTAL_BUSINESS_NAME?.trim() || DEFAULT_BUSINESS_NAME
}

/** Thrown when the portal cannot talk to the store API because it is not configured. */
export class PortalConfigError extends Error {}

function getConfig(): { baseUrl: string; publishableKey: string } {
  const baseUrl = process.env.MEDUSA_BACKEND_URL?.trim() || DEFAULT_BACKEND_URL
  const publishableKey = process.env.MEDUSA_PUBLISHABLE_KEY?.trim()
  if (!publishableKey) {
    throw new PortalConfigError("MEDUSA_PUBLISHABLE_KEY is not set, so the portal cannot reach the store.")
  }
  return { baseUrl, publishableKey }
}

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` }
}

/**
 * A failed call that got an HTTP answer. It keeps the parsed body, so pages can tell
 * "email_not_verified" from "account_blocked".
 */
export class ApiError extends Error {
  readonly status: number
  readonly code: string | undefined
  readonly type: string | undefined
  readonly body: Record<string, unknown>

  constructor(status: number, body: Record<string, unknown>, statusText = "") {
    const message = typeof body.message === "string" && body.message ? body.message : statusText
    super(message || `Request failed with status ${status}`)
    this.name = "ApiError"
    this.status = status
    this.body = body
    this.code = typeof body.code === "string" ? body.code : undefined
    this.type = typeof body.type === "string" ? body.type : undefined
  }

  /** Seconds to wait before trying again (429 answers). */
  get retryAfterSeconds(): number | undefined {
    const value = Number(this.body.retry_after_seconds)
    return Number.isFinite(value) && value > 0 ? value : undefined
  }
}

const API_TIMEOUT_MS = 15_000

/** The backend URL of `path`, kept under any path prefix of MEDUSA_BACKEND_URL. */
function apiUrl(path: string): { url: URL; publishableKey: string } {
  const { baseUrl, publishableKey } = getConfig()
  const base = new URL(baseUrl)
  const url = new URL(`${base.pathname.replace(/\/$/, "")}/${path.replace(/^\//, "")}`, base.origin)
  return { url, publishableKey }
}

type ApiInit = {
  method?: "GET" | "POST" | "PUT" | "DELETE"
  /** Sent as JSON. */
  body?: unknown
  /** Sent as multipart/form-data instead of `body` (file uploads); fetch sets the boundary. */
  form?: FormData
  token?: string
  query?: URLSearchParams | Record<string, string>
  /** Extra headers (the emailed quote link's token). */
  headers?: Record<string, string>
}

/**
 * A JSON call to the backend with the publishable key. Errors keep their body, so pages can
 * tell one refusal from another.
 */
export async function apiFetch<T>(path: string, init: ApiInit = {}): Promise<T> {
  const { url, publishableKey } = apiUrl(path)
  if (init.query) {
    new URLSearchParams(init.query).forEach((value, key) => url.searchParams.append(key, value))
  }
  const headers: Record<string, string> = {
    accept: "application/json",
    "x-publishable-api-key": publishableKey,
    ...(init.token ? bearer(init.token) : {}),
    ...clientAddressHeaders(),
    ...init.headers,
  }
  if (init.body !== undefined && !init.form) headers["content-type"] = "application/json"
  const hasBody = init.body !== undefined || init.form !== undefined

  const response = await fetch(url, {
    method: init.method ?? (hasBody ? "POST" : "GET"),
    headers,
    body: init.form ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
    signal: AbortSignal.timeout(API_TIMEOUT_MS),
  })
  const text = await response.text()
  let parsed: unknown
  try {
    parsed = text ? JSON.parse(text) : null
  } catch {
    parsed = null
  }
  if (!response.ok) {
    const body = parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {}
    throw new ApiError(response.status, body, response.statusText)
  }
  return (parsed ?? {}) as T
}

/** What went wrong, in a form a page can show: the backend's own message for 4xx answers. */
export type Problem = {
  status: number
  code?: string
  message: string
  retryAfterSeconds?: number
}

export function toProblem(error: unknown): Problem {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
    const ownMessage = typeof error.body.message === "string" && error.body.message.trim() !== ""
    // A 404 here means the backend doesn't offer this yet; its wording isn't for customers.
    const message =
      error.status === 404
        ? "This isn't available right now. Please try again later or contact us."
        : ownMessage
          ? error.message
          : "Something went wrong. Please check your details and try again."
    return { status: error.status, code: error.code, message, retryAfterSeconds: error.retryAfterSeconds }
  }
  if (!(error instanceof PortalConfigError)) console.error("Backend call failed", error)
  return { status: 503, message: describeError(error) }
}

/** "Try again in 5 minutes" for a 429, unless the backend's message already says when. */
export function retryHint(problem: Problem): string | null {
  if (!problem.retryAfterSeconds || /\d/.test(problem.message)) return null
  const minutes = Math.max(1, Math.ceil(problem.retryAfterSeconds / 60))
  return `You can try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`
}

/** HTTP status of a failed backend call, if it got as far as an HTTP response. */
export function errorStatus(error: unknown): number | undefined {
  if (error && typeof error === "object" && "status" in error) {
    const status = (error as { status: unknown }).status
    return typeof status === "number" ? status : undefined
  }
  return undefined
}

/** A message that is safe and useful to show a customer. */
export function describeError(error: unknown): string {
  if (error instanceof PortalConfigError) {
    return `This portal is not set up yet: ${error.message} Please try again later.`
  }
  return "We can't reach our booking system right now. Please try again in a few minutes."
}

/** The lists are always arrays, whatever the backend left out. */
export const asList = <T>(value: T[] | null | undefined): T[] => (Array.isArray(value) ? value : [])

/* Files: uploads, and the customer's private files passed through */

export function fileForm(file: Blob, filename: string): FormData {
  const form = new FormData()
  form.append("file", file, filename || "upload")
  return form
}

const OWN_FILES = "/store/customers/me/"

/**
 * Pictures, photos and booking files are private: the API serves them only with the customer's
 * token, which stays in the portal's session. The page links to the portal's /files/… instead,
 * which passes the file through (routes/files.$.tsx).
 */
export function portalFileUrl(apiPath: string | null | undefined): string | null {
  return apiPath?.startsWith(OWN_FILES) ? `/files/${apiPath.slice(OWN_FILES.length)}` : null
}

/** A GET to the backend with the publishable key whose answer (a file) is passed on unread. */
export async function apiDownload(path: string, token: string | null, query: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  const { url, publishableKey } = apiUrl(path)
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value)
  return fetch(url, {
    headers: { ...headers, "x-publishable-api-key": publishableKey, ...(token ? bearer(token) : {}) },
    signal: AbortSignal.timeout(API_TIMEOUT_MS),
  })
}

const PASSED_ON = ["content-type", "content-length", "content-disposition", "cache-control", "x-content-type-options"]

/** A portal answer for a file route: the backend's file with its own headers, or (failed, gone, not theirs) a plain 404. */
export function passFileOn(response: Response | null): Response {
  if (!response?.ok || !response.body) {
    return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } })
  }
  const headers = new Headers()
  for (const name of PASSED_ON) {
    const value = response.headers.get(name)
    if (value) headers.set(name, value)
  }
  return new Response(response.body, { status: 200, headers })
}

/**
 * A long-lived GET (server-sent events) with the customer's token, passed on as it arrives: no
 * timeout, closed when the browser goes away (`signal` is the portal request's).
 */
export async function apiEventStream(path: string, token: string, signal: AbortSignal): Promise<Response> {
  const { url, publishableKey } = apiUrl(path)
  return fetch(url, { headers: { accept: "text/event-stream", "x-publishable-api-key": publishableKey, ...bearer(token) }, signal })
}
