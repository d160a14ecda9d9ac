/** The portal's cookie session: who is signed in, and one-time messages between pages. */

import { withReturnPath } from "~/lib/return-path"
import { createCookieSessionStorage, json, redirect, type Session } from "@remix-run/node"

import type { Problem } from "~/lib/api/api.server"
import { cookieSecurity } from "~/lib/request-context.server"

const DEFAULT_SESSION_SECRET = "dev-portal-session-secret"

type SessionData = {
  /** A full customer session. */
  token: string
  /** A restricted booking-number session: only reaches /store/portal/booking-session. */
  bookingToken: string
  /** The emailed quote link opened without signing in: "<quote id> <sealed token>", a session for that one quote. */
  quoteLink: string
  /** "<provider>:<state>" of the Google/Facebook sign-in this browser started. */
  oauthState: string
  /** The email a sign-up link went to, for "Send the link again". */
  pendingEmail: string
  /** The portal page a new customer was on when they signed up, to return to once confirmed. */
  returnTo: string
}

export type AccountNotice = { code: string; message: string }
type FlashData = {
  accountNotice: AccountNotice
  /** A one-time confirmation shown at the top of /account ("Business profile saved"). */
  accountMessage: string
  /** A one-time problem shown at the top of the next page ("Biscuit was saved, but the photo wasn't"). */
  pageError: string
}

export type PortalSession = Session<SessionData, FlashData>

let cachedStorage: ReturnType<typeof createStorage> | undefined

function createStorage() {
  return createCookieSessionStorage<SessionData, FlashData>({
    cookie: {
      name: "portal_session",
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secrets: [process.env.SESSION_SECRET || DEFAULT_SESSION_SECRET],
      maxAge: 60 * 60 * 24 * 7,
    },
  })
}

function storage() {
  cachedStorage ??= createStorage()
  return cachedStorage
}

export function getSession(request: Request) {
  return storage().getSession(request.headers.get("Cookie"))
}

export function commitSession(session: PortalSession) {
  return storage().commitSession(session, cookieSecurity())
}

export function destroySession(session: PortalSession) {
  return storage().destroySession(session, cookieSecurity())
}

export async function getToken(request: Request): Promise<string | undefined> {
  const session = await getSession(request)
  return session.get("token") || undefined
}

/**
 * The customer's JWT, or a redirect to the sign-in page. Someone signed in with a booking number
 * goes back to their booking instead, told which page needs a full account and how to make one.
 */
export async function requireToken(request: Request): Promise<string> {
  const session = await getSession(request)
  const token = session.get("token")
  if (!token) {
    const url = new URL(request.url)
    if (session.get("bookingToken")) throw redirect(`/my-booking?needs_account=${encodeURIComponent(url.pathname)}`)
    throw redirect(withReturnPath("/sign-in", url.pathname + url.search))
  }
  return token
}

/** Who may open a booking: a signed-in customer, or a booking-number session (bookings made with its email). */
export type BookingAccess = { token: string; viaBookingNumber: boolean }

/** The full session first, else the booking-number session; visitors go to sign in and come back. */
export async function requireBookingAccess(request: Request): Promise<BookingAccess> {
  const session = await getSession(request)
  const bookingToken = session.get("bookingToken")
  if (!session.get("token") && bookingToken) return { token: bookingToken, viaBookingNumber: true }
  return { token: await requireToken(request), viaBookingNumber: false }
}

/** The booking-number session has ended: forget it and ask for the booking number again. */
export async function bookingSessionOver(request: Request): Promise<never> {
  const session = await getSession(request)
  session.unset("bookingToken")
  throw redirect("/booking-sign-in?expired=1", {
    headers: { "Set-Cookie": await commitSession(session) },
  })
}

/** Destroys a stale session and sends the customer to sign in again. */
/** The loader of a page only for signed-in customers that loads nothing itself (an "Add a …" page). */
export async function signedInOnly({ request }: { request: Request }) {
  await requireToken(request)
  return json(null)
}

/** An edit page's action opening: the session's token, the record's id from the URL, the posted form. */
export async function readEditAction(request: Request, params: { id?: string }) {
  const token = await requireToken(request)
  const id = params.id ?? ""
  const form = await request.formData()
  return { token, id, form }
}

export async function signOutAndRedirect(request: Request): Promise<never> {
  const session = await getSession(request)
  const url = new URL(request.url)
  throw redirect(withReturnPath("/sign-in", url.pathname + url.search), {
    headers: { "Set-Cookie": await destroySession(session) },
  })
}

/**
 * The account may not be used any more (blocked, archived): sign out, keep the backend's
 * message for one page view and show it on /account-on-hold.
 */
export async function accountOnHoldRedirect(request: Request, notice: AccountNotice): Promise<never> {
  const session = await getSession(request)
  session.unset("token")
  session.unset("bookingToken")
  session.flash("accountNotice", notice)
  throw redirect("/account-on-hold", {
    headers: { "Set-Cookie": await commitSession(session) },
  })
}

/** Back to /account, showing `message` there once. */
export async function redirectToAccount(request: Request, message: string): Promise<ReturnType<typeof redirect>> {
  const session = await getSession(request)
  session.flash("accountMessage", message)
  return redirect("/account", {
    headers: { "Set-Cookie": await commitSession(session) },
  })
}

/** To `path`, showing `message` there once as an error (read it with `takePageError`). */
export async function redirectWithPageError(request: Request, path: string, message: string) {
  const session = await getSession(request)
  session.flash("pageError", message)
  return redirect(path, {
    headers: { "Set-Cookie": await commitSession(session) },
  })
}

/** The flashed page error, if any, and the cookie that forgets it. */
export async function takePageError(request: Request): Promise<{ pageError: string | null; headers: HeadersInit }> {
  const session = await getSession(request)
  const pageError = session.get("pageError") ?? null
  return { pageError, headers: { "Set-Cookie": await commitSession(session) } }
}

/** 401: the session is over. 403: the account is on hold or closed. Both sign the customer out. */
export async function signOutIfRefused(request: Request, problem: Problem): Promise<void> {
  if (problem.status === 401) {
    await signOutAndRedirect(request)
  }
  if (problem.status === 403) {
    await accountOnHoldRedirect(request, {
      code: problem.code ?? "account_blocked",
      message: problem.message,
    })
  }
}

/** Only same-site relative paths: "/x" but never "//evil" or "/\evil". */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/account"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) {
    return fallback
  }
  return to
}
