import { createHmac, timingSafeEqual } from "node:crypto"
import type { MedusaRequest } from "@medusajs/framework/http"
import proxyaddr from "proxy-addr"
import { PORTAL_ACCESS_MODULE, type ClientAddressSettings, type PortalAccessModuleService } from "../../modules/portal-access"

/** The browser's address, as the portal passes it on, and the portal's signature over it. */
export const CLIENT_ADDRESS_HEADER = "x-portal-client-address"
export const CLIENT_SIGNATURE_HEADER = "x-portal-client-signature"

/** How long a signature stays good: covers clock differences between the portal and the API. */
const SIGNATURE_MAX_AGE_S = 300

/** `t=<unix seconds>,s=<hex HMAC-SHA256 of "<t>\n<address>">`, as the portal sends it. */
export function signClientAddress(secret: string, address: string, nowMs = Date.now()) {
  const t = Math.floor(nowMs / 1000)
  const s = createHmac("sha256", secret).update(`${t}\n${address}`).digest("hex")
  return `t=${t},s=${s}`
}

export function verifyClientAddress(secret: string, address: string, signature: string, nowMs = Date.now()) {
  const match = /^t=(\d{1,12}),s=([0-9a-f]{64})$/.exec(signature)
  if (!match) return false
  const t = Number(match[1])
  if (Math.abs(nowMs / 1000 - t) > SIGNATURE_MAX_AGE_S) return false
  const expected = createHmac("sha256", secret).update(`${t}\n${address}`).digest()
  return timingSafeEqual(expected, Buffer.from(match[2], "hex"))
}

const plain = (address: string) => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1")

const compiled = new WeakMap<ClientAddressSettings, ReturnType<typeof proxyaddr.compile>>()

function trustOf(settings: ClientAddressSettings) {
  let trust = compiled.get(settings)
  if (!trust) {
    trust = proxyaddr.compile(settings.trustedProxies)
    compiled.set(settings, trust)
  }
  return trust
}

const header = (req: MedusaRequest, name: string) => {
  const value = req.headers[name]
  return typeof value === "string" ? value.trim() : null
}

/**
 * Who is really calling: the browser's address when the portal vouches for it with a valid
 * signature; otherwise the connecting address, or, when that is a trusted proxy, the first
 * address in X-Forwarded-For that is not one. Anyone else's forwarded headers are ignored.
 */
export function clientAddressFrom(req: MedusaRequest, settings: ClientAddressSettings): string {
  const claimed = header(req, CLIENT_ADDRESS_HEADER)
  const signature = header(req, CLIENT_SIGNATURE_HEADER)
  if (claimed && signature && settings.portalSigningSecret && claimed.length <= 64) {
    if (verifyClientAddress(settings.portalSigningSecret, claimed, signature)) return plain(claimed)
  }
  return plain(proxyaddr(req as never, trustOf(settings)))
}

export function clientAddress(req: MedusaRequest): string {
  const portal: PortalAccessModuleService = req.scope.resolve(PORTAL_ACCESS_MODULE)
  return clientAddressFrom(req, portal.clientAddressSettings)
}
