import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto"
import type { ConfigModule, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * One-time links (invite, confirm account, verify email, password reset, sign-in link, data
 * export) in emails. The stored notification keeps the link with its token masked, which is what
 * previews, the admin's notification list and exports show; the real link travels beside it,
 * sealed (AES-256-GCM, key from the JWT secret via HKDF), and only the email provider opens it
 * to send the email. See docs/security/email-links.md.
 */

export const MASK = "••••••"
/** Where the sealed real links sit in a notification's data, by the data field they belong to. */
export const SEALED_LINKS = "sealed_links"

/** A link as stored: `url` shows the token masked; `sealed` holds the real link. */
export type OneTimeLink = { url: string; sealed: string }

const SECRET_PARAM = /([?&]token=)[^&#]*/g
const HKDF_INFO = "fieldservice-portal/email-one-time-links/v1"
const VERSION = "v1."

/** The link with its token replaced by the mask: safe to store and show, useless to follow. */
export const maskLink = (url: string) => url.replace(SECRET_PARAM, `$1${MASK}`)

const keys = new Map<string, Buffer>()
function keyFor(secret: string): Buffer {
  if (!secret) throw new Error("One-time email links need the JWT secret (projectConfig.http.jwtSecret) to seal them")
  let key = keys.get(secret)
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "", HKDF_INFO, 32))
    keys.set(secret, key)
  }
  return key
}

/** The secret the key is derived from: the project's JWT secret (Medusa defaults it in development). */
export const linkSecret = (configModule: Pick<ConfigModule, "projectConfig"> | undefined) =>
  (configModule?.projectConfig?.http?.jwtSecret as string | undefined) ?? ""

/** Seals a real link; the masked link is the authenticated data, so the two can't be mixed up. */
export function sealLink(url: string, secret: string): OneTimeLink {
  const shown = maskLink(url)
  const iv = randomBytes(12)
  const cipher = createCipheriv("aes-256-gcm", keyFor(secret), iv)
  cipher.setAAD(Buffer.from(shown, "utf8"))
  const body = Buffer.concat([cipher.update(url, "utf8"), cipher.final()])
  return { url: shown, sealed: VERSION + Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url") }
}

export function openLink(link: OneTimeLink, secret: string): string {
  const bytes = link.sealed.startsWith(VERSION) ? Buffer.from(link.sealed.slice(VERSION.length), "base64url") : Buffer.alloc(0)
  if (bytes.length < 12 + 16) throw new Error("the sealed link is malformed")
  const decipher = createDecipheriv("aes-256-gcm", keyFor(secret), bytes.subarray(0, 12))
  decipher.setAAD(Buffer.from(link.url, "utf8"))
  decipher.setAuthTag(bytes.subarray(bytes.length - 16))
  try {
    return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString("utf8")
  } catch {
    throw new Error("the sealed link could not be opened (was the JWT secret changed since the email was requested?)")
  }
}

/** Seals a link with the app's secret, from a step or subscriber (the main container). */
export function sealLinkFor(container: MedusaContainer, url: string): OneTimeLink {
  return sealLink(url, linkSecret(container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)))
}

/** Template data holding one-time links: each field shows its masked link, the sealed ones go beside them. */
export function withOneTimeLinks(data: Record<string, unknown>, links: Record<string, OneTimeLink>): Record<string, unknown> {
  const sealed: Record<string, string> = {}
  const shown: Record<string, string> = {}
  for (const [field, link] of Object.entries(links)) {
    shown[field] = link.url
    sealed[field] = link.sealed
  }
  return { ...data, ...shown, [SEALED_LINKS]: sealed }
}

/**
 * A copy of stored data with its one-time links opened, for the email that goes out (the stored
 * data is left as it is), and the links that were opened.
 */
export function openOneTimeLinks(data: Record<string, unknown>, secret: string): { data: Record<string, unknown>; opened: string[] } {
  const sealed = data[SEALED_LINKS]
  if (!sealed || typeof sealed !== "object") return { data, opened: [] }
  const { [SEALED_LINKS]: _sealed, ...open } = data
  const opened: string[] = []
  for (const [field, value] of Object.entries(sealed as Record<string, unknown>)) {
    if (typeof value !== "string" || typeof data[field] !== "string") throw new Error(`the one-time link in data.${field} is malformed`)
    open[field] = openLink({ url: data[field] as string, sealed: value }, secret)
    opened.push(open[field] as string)
  }
  return { data: open, opened }
}
