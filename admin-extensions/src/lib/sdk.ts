import Medusa, { type FetchArgs, type FetchInput } from "@medusajs/js-sdk"
import type { ErrorResponse, FieldError } from "@fieldservice/contract"

// The admin is served by the Medusa server itself, so the API is on the same origin.
export const sdk = new Medusa({
  baseUrl: "/",
  auth: { type: "session" },
})

/**
 * An API refusal, with the status, the code the admin routes add to 409s (e.g. "fieldworker_busy")
 * and, for a 400 about bad fields, which fields and why (see lib/field-errors.ts).
 */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null,
    readonly fields: FieldError[] = []
  ) {
    super(message)
  }
}

/**
 * A JSON call to the admin API with the staff member's session. Unlike the SDK's own fetch it
 * keeps the error's `code` and `fields`; Medusa's "Invalid request: " prefix is dropped from messages.
 */
export async function adminFetch<T>(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    credentials: "include",
    headers: { ...(init.body === undefined ? {} : { "content-type": "application/json" }), ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  const payload = (await response.json().catch(() => null)) as (T & Partial<ErrorResponse>) | null
  if (!response.ok) {
    const message = (payload?.message ?? response.statusText ?? "The request failed").replace(/^Invalid request: /, "")
    throw new ApiError(message, response.status, payload?.code ?? null, payload?.fields ?? [])
  }
  return payload as T
}

// The SDK's error keeps only the message, and a form needs the fields a 400 names to put each
// message beside its field: JSON writes go through adminFetch (same origin, same session).
const sdkFetch = sdk.client.fetch.bind(sdk.client)
sdk.client.fetch = function fetchKeepingFields<T>(input: FetchInput, init?: FetchArgs): Promise<T> {
  const body: unknown = init?.body
  const method = init?.method?.toUpperCase()
  const isJsonWrite = typeof input === "string" && !!method && method !== "GET" && !init?.query && (body === undefined || isPlainObject(body))
  if (!isJsonWrite) return sdkFetch<T>(input, init)
  return adminFetch<T>(`/${input.replace(/^\//, "")}`, { method, body, headers: init?.headers as Record<string, string> | undefined })
} as typeof sdk.client.fetch

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype
