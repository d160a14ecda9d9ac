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

/**
 * What two numbers are compared by: the last 10 digits, so "07700 900123" and "+44 7700 900123"
 * are one number (the duplicate finder's rule, customer-merge/duplicate-keys.ts).
 */
export const phoneMatchKey = (normalized: string) => normalized.slice(-10)

export type ContactMethodInput = { kind: ContactMethodKind; value: string; is_primary?: boolean }
export type NormalizedContactMethod = { kind: ContactMethodKind; value: string; normalized: string; is_primary: boolean }

/** The group a primary belongs to: one primary email, one primary number (phone or mobile). */
const primaryGroup = (kind: ContactMethodKind) => (kind === "email" ? "email" : "number")
const matchKey = (kind: ContactMethodKind, normalized: string) => `${primaryGroup(kind)}:${kind === "email" ? normalized : phoneMatchKey(normalized)}`

/**
 * Checks and normalises a list of emails and numbers as an edit form sends it: valid formats,
 * no duplicates, at most one primary email and one primary number (which one is primary when
 * none is marked is splitPrimaryContacts' call).
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
    const key = matchKey(item.kind, normalized)
    if (seen.has(key)) return { ok: false, message: `"${value}" is listed twice` }
    seen.add(key)
    methods.push({ kind: item.kind, value: item.kind === "email" ? normalized : value, normalized, is_primary: !!item.is_primary })
  }
  for (const group of ["email", "number"]) {
    if (methods.filter((method) => primaryGroup(method.kind) === group && method.is_primary).length > 1) {
      return { ok: false, message: `Only one ${group === "email" ? "email" : "phone number"} can be the primary one` }
    }
  }
  return { ok: true, methods }
}

/** The customer's own email and phone (Medusa's customer record): these ARE the primary ones. */
export type PrimaryContacts = { email: string | null; phone: string | null; has_account: boolean }

/** The customer record's new email (only when it changes) and phone, and the other emails and numbers for the list. */
export type ContactPlan = { email?: string; phone: string | null; extras: NormalizedContactMethod[] }

/**
 * One place of truth: the customer's email and phone are the primary ones and the list keeps only
 * the others. From a whole list works out the new customer email and phone and the extras. The
 * phone is the marked number, else the current one if still listed, else the first (none listed:
 * no phone). The email changes only to a marked one, and never for a customer who signs in: that
 * is a sign-in change, not an edit of contact details.
 */
export function splitPrimaryContacts(
  methods: NormalizedContactMethod[],
  current: PrimaryContacts
): { ok: true; plan: ContactPlan } | { ok: false; message: string } {
  const numbers = methods.filter((method) => method.kind !== "email")
  const currentPhone = current.phone ? normalizePhone(current.phone) : null
  const primaryNumber =
    numbers.find((method) => method.is_primary) ??
    numbers.find((method) => !!currentPhone && phoneMatchKey(method.normalized) === phoneMatchKey(currentPhone)) ??
    numbers[0]
  const emails = methods.filter((method) => method.kind === "email")
  const markedEmail = emails.find((method) => method.is_primary)
  const currentEmail = current.email ? normalizeEmail(current.email) : null
  let email: string | undefined
  if (current.has_account) {
    if (markedEmail && markedEmail.normalized !== currentEmail) {
      return { ok: false, message: `${current.email} is the sign-in email, so it stays the primary email; ${markedEmail.value} can only be an extra one` }
    }
  } else {
    // Only a marked email replaces the customer's own: every customer keeps an email.
    if (markedEmail && markedEmail.normalized !== currentEmail) email = markedEmail.normalized
  }
  const primaryEmail = email ?? currentEmail
  const extras = methods
    .filter((method) => method !== primaryNumber && !(method.kind === "email" && method.normalized === primaryEmail))
    .map((method) => ({ ...method, is_primary: false }))
  return { ok: true, plan: { ...(email ? { email } : {}), phone: primaryNumber?.value ?? null, extras } }
}

/**
 * The extra emails and numbers of a list that is only the other ones (a CSV's additional columns,
 * a merge): any that repeat the customer's own email or phone are dropped, none is primary.
 */
export function extrasBeside(methods: NormalizedContactMethod[], primaries: Pick<PrimaryContacts, "email" | "phone">): NormalizedContactMethod[] {
  const email = primaries.email ? normalizeEmail(primaries.email) : null
  const phone = primaries.phone ? normalizePhone(primaries.phone) : null
  return methods
    .filter((method) => (method.kind === "email" ? method.normalized !== email : !phone || phoneMatchKey(method.normalized) !== phoneMatchKey(phone)))
    .map((method) => ({ ...method, is_primary: false }))
}
