/** Signing in (password, booking number, emailed link, Google/Facebook), which of those are offered, and passwords. */

import { redirect } from "@remix-run/node"

import { apiFetch, ApiError, PortalConfigError, toProblem, type Problem } from "~/lib/api/api.server"
import { getSession } from "~/lib/session.server"
import { rememberSignInOrigins } from "~/lib/sign-in-origins.server"
import { NO_OFFICE, type Office } from "~/lib/office"
import type { StoreAuthResponse, StorePortalSettings, StorePortalSettingsResponse } from "@fieldservice/contract"

export type LoginResult =
  | { ok: true; token: string }
  /** 401: wrong email and password (or booking number). */
  | { ok: false; reason: "invalid"; message?: string }
  /** 403 / 429 and other refusals, with the backend's code and message. */
  | { ok: false; reason: "refused"; problem: Problem }
  | { ok: false; reason: "unavailable"; message: string }

async function tokenLogin(path: string, body: Record<string, string>): Promise<LoginResult> {
  try {
    const result = await apiFetch<StoreAuthResponse>(path, { method: "POST", body })
    if (typeof result.token !== "string" || !result.token) {
      // Redirect-based providers ({ location }) and MFA/verification steps are not supported here.
      return {
        ok: false,
        reason: "unavailable",
        message: "This account can't sign in to the portal yet. Please contact us for help.",
      }
    }
    return { ok: true, token: result.token }
  } catch (error) {
    const problem = toProblem(error)
    if (problem.status === 401) return { ok: false, reason: "invalid", message: problem.message }
    if (problem.status === 503) return { ok: false, reason: "unavailable", message: problem.message }
    return { ok: false, reason: "refused", problem }
  }
}

export function login(email: string, password: string): Promise<LoginResult> {
  return tokenLogin("/auth/customer/emailpass", { email, password })
}

/** A restricted session that can only see the bookings made with this email. */
export function bookingLogin(email: string, bookingNumber: string): Promise<LoginResult> {
  return tokenLogin("/auth/customer/booking-number", { email, booking_number: bookingNumber })
}

/**
 * Always "sent" from the customer's point of view; throws when the backend can't be reached,
 * or with a 429 when too many emails were asked for (counted whether or not there is an account).
 */
export async function requestPasswordReset(email: string): Promise<void> {
  try {
    await apiFetch("/auth/customer/emailpass/reset-password", { method: "POST", body: { identifier: email } })
  } catch (error) {
    // Any other 4xx answer is still shown as "sent", so the form can't tell who has an account.
    if (error instanceof ApiError && error.status < 500 && error.status !== 429) return
    throw error
  }
}

/** "Email me a sign-in link": the same answer whether or not there is an account (429 when asked too often). */
export async function requestSignInLink(email: string): Promise<void> {
  await apiFetch("/store/portal/sign-in-link", { method: "POST", body: { email } })
}

/** Signs in with the token of an emailed sign-in link (single use, 15 minutes). */
export function linkLogin(token: string): Promise<LoginResult> {
  return tokenLogin("/auth/customer/magic-link", { token })
}

export async function resetPassword(resetToken: string, email: string, password: string): Promise<void> {
  await apiFetch("/auth/customer/emailpass/update", {
    method: "POST",
    token: resetToken,
    body: { email, password },
  })
}

export const SOCIAL_PROVIDERS = ["google", "facebook"] as const
export type SocialProvider = (typeof SOCIAL_PROVIDERS)[number]

export function isSocialProvider(value: string | undefined): value is SocialProvider {
  return (SOCIAL_PROVIDERS as readonly string[]).includes(value ?? "")
}

export const SOCIAL_PROVIDER_NAMES: Record<SocialProvider, string> = {
  google: "Google",
  facebook: "Facebook",
}

/** Where to send the browser to sign in with Google or Facebook. */
export async function startSocialLogin(provider: SocialProvider, callbackUrl: string): Promise<string> {
  const { location } = await apiFetch<StoreAuthResponse>(`/auth/customer/${provider}`, {
    query: { callback_url: callbackUrl },
  })
  if (typeof location !== "string" || !/^https?:\/\//i.test(location)) {
    throw new Error(`The ${provider} sign-in did not return a location`)
  }
  return location
}

/**
 * The provider sent the browser back: trade the code for a token, make sure there is a
 * customer for it, then refresh the token so it acts as that customer.
 */
export async function completeSocialLogin(provider: SocialProvider, callbackQuery: URLSearchParams): Promise<string> {
  const { token } = await apiFetch<StoreAuthResponse>(`/auth/customer/${provider}/callback`, {
    method: "POST",
    query: callbackQuery,
  })
  if (typeof token !== "string" || !token) {
    throw new ApiError(401, { message: "We couldn't sign you in. Please try again." })
  }
  await apiFetch("/store/portal/social/complete", { method: "POST", token, body: {} })
  const refreshed = await apiFetch<StoreAuthResponse>("/auth/token/refresh", { method: "POST", token, body: {} })
  if (typeof refreshed.token !== "string" || !refreshed.token) {
    throw new ApiError(401, { message: "We couldn't sign you in. Please try again." })
  }
  return refreshed.token
}

export type PortalSettings = {
  enabled: boolean
  closedMessage: string
  google: boolean
  facebook: boolean
  bookingNumber: boolean
  /** "Email me a sign-in link". */
  emailLink: boolean
  /** How customers reach the office (Settings → Customer portal), shown in the footer and wherever a page says to get in touch. */
  office: Office
  /** The booking-change rules (Settings → Customer portal); null when the backend can't be reached. */
  bookingChanges: StorePortalSettings["booking_changes"] | null
}

const CLOSED_FALLBACK = "The customer portal is closed right now. Please contact us if you need help."

/**
 * Is the portal open, and which sign-in buttons to show. When the backend can't be reached
 * the forms stay visible (they report the outage themselves) and only password sign-in shows.
 */
export async function getPortalSettings(): Promise<PortalSettings> {
  try {
    const { portal } = await apiFetch<Partial<StorePortalSettingsResponse>>("/store/portal/settings")
    const methods: Partial<StorePortalSettings["sign_in_methods"]> = portal?.sign_in_methods ?? {}
    rememberSignInOrigins(portal?.sign_in_origins)
    return {
      enabled: portal?.enabled !== false,
      closedMessage: portal?.closed_message?.trim() || CLOSED_FALLBACK,
      google: methods.google === true,
      facebook: methods.facebook === true,
      bookingNumber: methods.booking_number !== false,
      emailLink: methods.email_link === true,
      office: { phone: portal?.booking_changes?.office_phone?.trim() || null, email: portal?.booking_changes?.office_email?.trim() || null },
      bookingChanges: portal?.booking_changes ?? null,
    }
  } catch (error) {
    if (!(error instanceof PortalConfigError)) console.error("Could not load portal settings", error)
    return {
      enabled: true,
      closedMessage: CLOSED_FALLBACK,
      google: false,
      facebook: false,
      bookingNumber: true,
      emailLink: false,
      office: NO_OFFICE,
      bookingChanges: null,
    }
  }
}

/**
 * A sign-in page's loader: someone already signed in (`key` in the session) goes on to
 * `signedInPath`; anyone else gets the portal's sign-in settings.
 */
export async function signInPageSettings(request: Request, key: "token" | "bookingToken", signedInPath: string): Promise<PortalSettings> {
  const session = await getSession(request)
  if (session.get(key)) {
    throw redirect(signedInPath)
  }
  return getPortalSettings()
}

export async function changePassword(token: string, currentPassword: string, newPassword: string): Promise<void> {
  await apiFetch("/store/portal/password", {
    method: "POST",
    token,
    body: { current_password: currentPassword, new_password: newPassword },
  })
}
