import { EMAIL_PATTERN } from "@fieldservice/contract"
import type { ContactMethodKind } from "./models/contact-method"

export const normalizeEmail = (email: string) => email.trim().toLowerCase()

/**
 * Digits only, so "+44 7700 900123", "07700-900123" and "(07700) 900 123" compare on their digits;
 * null when it cannot be a phone number (7 to 15 digits, optional leading +).
 */
export function normalizePhone(raw: string): string | null {
  const trimmed = raw.trim()
  if (!/^\+?[0-9 ()./-]+$/.test(trimmed)) return null
  const digits = trimmed.replace(/\D/g, "")
  return digits.length >= 7 && digits.length <= 15 ? digits : null
}

export type ContactMethodInput = { kind: ContactMethodKind; value: string; is_primary?: boolean }
export type NormalizedContactMethod = { kind: ContactMethodKind; value: string; normalized: string; is_primary: boolean }

/** The group a primary belongs to: one primary email, one primary number (phone or mobile). */
const primaryGroup = (kind: ContactMethodKind) => (kind === "email" ? "email" : "number")

/**
 * Checks and normalises a customer's list of emails and numbers: valid formats, no duplicates,
 * exactly one primary email and one primary number when there are any (the first one otherwise).
 */
export function normalizeContactMethods(input: ContactMethodInput[]): { ok: true; methods: NormalizedContactMethod[] } | { ok: false; message: string } {
  const seen = new Set<string>()
  const methods: NormalizedContactMethod[] = []
  for (const item of input) {
    const value = item.value.trim().replace(/\s+/g, " ")
    const normalized = item.kind === "email" ? normalizeEmail(value) : normalizePhone(value)
    if (!normalized || (item.kind === "email" && !EMAIL_PATTERN.test(normalized))) {
      return { ok: false, message: item.kind === "email" ? `"${value}" is not a valid email address` : `"${value}" is not a valid phone number` }
    }
    const key = `${primaryGroup(item.kind)}:${normalized}`
    if (seen.has(key)) return { ok: false, message: `"${value}" is listed twice` }
    seen.add(key)
    methods.push({ kind: item.kind, value: item.kind === "email" ? normalized : value, normalized, is_primary: !!item.is_primary })
  }
  for (const group of ["email", "number"]) {
    const members = methods.filter((method) => primaryGroup(method.kind) === group)
    const primaries = members.filter((method) => method.is_primary)
    if (primaries.length > 1) {
      return { ok: false, message: `Only one ${group === "email" ? "email" : "phone number"} can be the primary one` }
    }
    if (members.length && !primaries.length) members[0].is_primary = true
  }
  return { ok: true, methods }
}
