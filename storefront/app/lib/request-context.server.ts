import { AsyncLocalStorage } from "node:async_hooks"
import { createHmac } from "node:crypto"

/** What the portal's server (server.mjs) knows about the browser's request. */
export type RequestContext = {
  /** The browser's address (through the trusted proxies in TRUSTED_PROXIES, if any). */
  clientAddress: string | null
  /** Served over HTTPS (directly, or behind a trusted proxy that says so). */
  https: boolean
  /** The Content-Security-Policy nonce of this page's inline scripts. */
  nonce: string
}

// server.mjs and this bundle share one store through the global registry of symbols.
const KEY = Symbol.for("fieldservice.portal.request-context")
type Holder = { [KEY]?: AsyncLocalStorage<RequestContext> }
const holder = globalThis as Holder
export const requestContexts: AsyncLocalStorage<RequestContext> = (holder[KEY] ??= new AsyncLocalStorage())

export function currentRequest(): RequestContext | undefined {
  return requestContexts.getStore()
}

/**
 * Headers that tell the API who the browser is, signed with the secret the API shares
 * (PORTAL_SIGNING_SECRET), so the API's login limits count the browser and not the portal.
 */
export function clientAddressHeaders(): Record<string, string> {
  const secret = process.env.PORTAL_SIGNING_SECRET?.trim()
  const address = currentRequest()?.clientAddress
  if (!secret || !address) return {}
  const t = Math.floor(Date.now() / 1000)
  const s = createHmac("sha256", secret).update(`${t}\n${address}`).digest("hex")
  return { "x-portal-client-address": address, "x-portal-client-signature": `t=${t},s=${s}` }
}

/** Cookie options for this request: Secure whenever the browser reached the portal over HTTPS. */
export function cookieSecurity(): { secure: boolean } {
  return { secure: currentRequest()?.https ?? false }
}
