/** Small helpers shared by the form actions. */

export const MIN_PASSWORD_LENGTH = 8
export const PASSWORD_HINT = `At least ${MIN_PASSWORD_LENGTH} characters.`

export function text(form: FormData, name: string): string {
  const value = form.get(name)
  return typeof value === "string" ? value.trim() : ""
}

/** Passwords are used exactly as typed. */
export function secret(form: FormData, name: string): string {
  const value = form.get(name)
  return typeof value === "string" ? value : ""
}

export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)
}

export function emailError(value: string): string | undefined {
  if (!value) return "Enter your email address."
  if (!looksLikeEmail(value)) return "Enter an email address like name@example.com."
  return undefined
}

export function newPasswordError(value: string): string | undefined {
  if (!value) return "Enter a password."
  if (value.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`
  if (value.length > 128) return "Use at most 128 characters."
  return undefined
}

/** True when any field has an error. */
export function hasErrors(errors: Record<string, string | undefined>): boolean {
  return Object.values(errors).some(Boolean)
}
