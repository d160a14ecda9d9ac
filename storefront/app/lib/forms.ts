/** Small helpers shared by the form actions. The fields' rules are the contract's zod schemas. */

import { accountEmailField, emailField, firstProblem, newPasswordField } from "@fieldservice/contract"

export function text(form: FormData, name: string): string {
  const value = form.get(name)
  return typeof value === "string" ? value.trim() : ""
}

/** Passwords are used exactly as typed. */
export function secret(form: FormData, name: string): string {
  const value = form.get(name)
  return typeof value === "string" ? value : ""
}

export function emailError(value: string): string | undefined {
  return firstProblem(emailField, value)
}

/** For a route that checks the email as an account's (sign-in links, verification emails). */
export function accountEmailError(value: string): string | undefined {
  return firstProblem(accountEmailField, value)
}

export function newPasswordError(value: string): string | undefined {
  return firstProblem(newPasswordField, value)
}

/** True when any field has an error. */
export function hasErrors(errors: Record<string, string | undefined>): boolean {
  return Object.values(errors).some(Boolean)
}
