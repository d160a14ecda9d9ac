import { randomUUID } from "node:crypto"
import { inject } from "vitest"

export type ApiResponse<T = any> = { status: number; body: T }

type RequestOptions = {
  method?: "GET" | "POST" | "DELETE"
  body?: unknown
  token?: string
  /** Store routes need the portal's publishable key; pass false to leave it out. */
  publishableKey?: boolean
}

/** Calls the booted Medusa server the way the portal and the admin do: JSON over HTTP. */
export async function api<T = any>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = {}
  if (options.body !== undefined) headers["content-type"] = "application/json"
  if (options.token) headers.authorization = `Bearer ${options.token}`
  if (path.startsWith("/store") && options.publishableKey !== false) {
    headers["x-publishable-api-key"] = inject("publishableKey")
  }
  const response = await fetch(inject("backendUrl") + path, {
    method: options.method ?? (options.body === undefined ? "GET" : "POST"),
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  const text = await response.text()
  let body: any = text
  try {
    body = text ? JSON.parse(text) : null
  } catch {}
  return { status: response.status, body }
}

async function login(actor: "customer" | "user", email: string, password: string): Promise<string> {
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

/** Signs up a brand-new customer through Medusa's own register flow; returns their session token. */
export async function signUpCustomer(details: { first_name: string; last_name: string; email?: string }) {
  const email = details.email ?? uniqueEmail(details.first_name.toLowerCase())
  const password = "correct-horse-battery"
  const registered = await api("/auth/customer/emailpass/register", { body: { email, password } })
  if (registered.status !== 200) throw new Error(`register failed: ${JSON.stringify(registered.body)}`)
  const created = await api("/store/customers", {
    token: registered.body.token,
    body: { email, first_name: details.first_name, last_name: details.last_name },
  })
  if (created.status !== 200) throw new Error(`customer creation failed: ${JSON.stringify(created.body)}`)
  return { email, password, customer: created.body.customer, token: await login("customer", email, password) }
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
