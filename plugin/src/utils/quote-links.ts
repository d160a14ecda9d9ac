import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { linkSecret } from "../emails/one-time-links"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../modules/portal-access"

/**
 * The link in a quote's email: a sealed token (AES-256-GCM, key from the JWT secret by HKDF with
 * its own label) naming one quote and its customer, good for QUOTE_LINK_DAYS. It opens only that
 * quote, for a customer with no password as for one signed in; a revision keeps the link, since
 * the quote page always shows the latest sent version. The email seals the whole link again
 * (sealLinkFor) so the communication log shows it masked (docs/security/email-links.md).
 */

export const QUOTE_LINK_DAYS = 90
const HKDF_INFO = "fieldservice-portal/quote-links/v1"
const PREFIX = "q1."

export type QuoteLinkClaims = { quote_id: string; customer_id: string }

const keyOf = (secret: string) => {
  if (!secret) throw new Error("Quote links need the JWT secret (projectConfig.http.jwtSecret)")
  return Buffer.from(hkdfSync("sha256", secret, "", HKDF_INFO, 32))
}

export function sealQuoteToken(claims: QuoteLinkClaims, secret: string, now = new Date()): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv("aes-256-gcm", keyOf(secret), iv)
  const expires = now.getTime() + QUOTE_LINK_DAYS * 86_400_000
  const body = Buffer.concat([cipher.update(JSON.stringify({ q: claims.quote_id, c: claims.customer_id, e: expires }), "utf8"), cipher.final()])
  return PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url")
}

/** The quote and customer a token names; null when it is not one of ours, was altered, or is too old. */
export function openQuoteToken(token: string, secret: string, now = new Date()): QuoteLinkClaims | null {
  const bytes = token.startsWith(PREFIX) ? Buffer.from(token.slice(PREFIX.length), "base64url") : Buffer.alloc(0)
  if (bytes.length < 12 + 16 + 2) return null
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyOf(secret), bytes.subarray(0, 12))
    decipher.setAuthTag(bytes.subarray(bytes.length - 16))
    const plain = Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString("utf8")
    const { q, c, e } = JSON.parse(plain) as { q?: unknown; c?: unknown; e?: unknown }
    if (typeof q !== "string" || typeof c !== "string" || typeof e !== "number" || e < now.getTime()) return null
    return { quote_id: q, customer_id: c }
  } catch {
    return null
  }
}

const secretOf = (container: MedusaContainer) => linkSecret(container.resolve(ContainerRegistrationKeys.CONFIG_MODULE))

export const openQuoteTokenFor = (container: MedusaContainer, token: string) => openQuoteToken(token, secretOf(container))

/**
 * THE link to a quote for its emails: the portal's /quote-link page with the sealed token. The
 * send email puts it in its data through sealLinkFor/withOneTimeLinks, so no record holds it whole.
 */
export function quoteLinkUrl(container: MedusaContainer, quote: { id: string; customer_id: string }): string {
  const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
  return portal.portalLink("/quote-link", { token: sealQuoteToken({ quote_id: quote.id, customer_id: quote.customer_id }, secretOf(container)) })
}
