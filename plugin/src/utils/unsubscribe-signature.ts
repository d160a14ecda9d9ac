import { createHmac, timingSafeEqual } from "node:crypto"
import { EMAIL_PREFERENCE_KINDS, type EmailPreferenceKind } from "@fieldservice/contract"

/**
 * One-click unsubscribe for non-essential emails (reminders, rating requests, news): a link signed
 * with a key derived from the server's JWT secret, per customer and kind, so it works without
 * signing in and can't be made up for someone else. It never expires: an old email's link still
 * turns the emails off, which is all it can do.
 */
const keyFor = (secret: string) => createHmac("sha256", secret).update("fieldservice:unsubscribe-links:v1").digest()

export function unsubscribeSignature(secret: string, customerId: string, kind: EmailPreferenceKind): string {
  return createHmac("sha256", keyFor(secret)).update(`${customerId}\n${kind}`).digest("base64url")
}

export function isValidUnsubscribe(secret: string, customerId: string, kind: string, signature: string): kind is EmailPreferenceKind {
  if (!secret || !(EMAIL_PREFERENCE_KINDS as readonly string[]).includes(kind)) return false
  const expected = Buffer.from(unsubscribeSignature(secret, customerId, kind as EmailPreferenceKind))
  const given = Buffer.from(signature)
  return given.length === expected.length && timingSafeEqual(given, expected)
}
