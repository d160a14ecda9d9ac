/**
 * What contact details take for an email address (booking contacts, Edit info, additional contacts,
 * fieldworkers): something@something.something, no spaces. An account's email is checked by zod's
 * stricter format (forms/fields.ts: accountEmail).
 */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export const PASSWORD_MIN_LENGTH = 8
export const PASSWORD_MAX_LENGTH = 128
/** The hint under a new password field. */
export const PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters.`

/** A deleted customer can be restored by staff for this long; the directory lists them as deleted for as long. */
export const RESTORE_WINDOW_DAYS = 30
export const RESTORE_WINDOW_MS = RESTORE_WINDOW_DAYS * 24 * 60 * 60 * 1000
