import { createCookieSessionStorage, redirect } from "@remix-run/node"

import { errorStatus, toProblem, type Problem } from "~/lib/api/api.server"
import { BOOKING_STEPS, firstMissingStep, nextStep, stepPath, type BookingDraft, type BookingStep } from "~/lib/booking"
import { getProfile } from "~/lib/api/profile.server"
import { cookieSecurity } from "~/lib/request-context.server"
import { DEFAULT_TIME_ZONE } from "~/lib/services"
import { getService } from "~/lib/api/services.server"
import { requireToken, signOutIfRefused } from "~/lib/session.server"
import type { StoreCustomerAddress as Address, StoreCustomerProfile as Profile, StoreServiceDetail as ServiceDetail } from "@fieldservice/contract"

/* ------------------------------------------------------------------ */
/* The draft: its own signed cookie, so the portal session stays small */
/* ------------------------------------------------------------------ */

type DraftData = { draft: BookingDraft }
/** A problem to show once on the step it concerns ("that time has just been booked…"). */
type DraftFlash = { stepError: { step: BookingStep; message: string } }

let cachedStorage: ReturnType<typeof createStorage> | undefined

function createStorage() {
  return createCookieSessionStorage<DraftData, DraftFlash>({
    cookie: {
      name: "portal_booking",
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secrets: [process.env.SESSION_SECRET || "dev-portal-session-secret"],
      // A booking left half-way is forgotten after a day.
      maxAge: 60 * 60 * 24,
    },
  })
}

function storage() {
  cachedStorage ??= createStorage()
  return cachedStorage
}

function draftSession(request: Request) {
  return storage().getSession(request.headers.get("Cookie"))
}

/** Browsers drop cookies over 4 KB; refuse before that happens rather than lose the answers. */
const MAX_COOKIE_LENGTH = 4000

export class DraftTooLargeError extends Error {}

async function commitDraft(session: Awaited<ReturnType<typeof draftSession>>): Promise<string> {
  const cookie = await storage().commitSession(session, cookieSecurity())
  if (cookie.length > MAX_COOKIE_LENGTH) {
    throw new DraftTooLargeError("That's more than we can keep for one booking. Please shorten your answers.")
  }
  return cookie
}

/** The business's time zone for showing bookings (availability answers carry their own). */
export function businessTimeZone(): string {
  return process.env.PORTAL_TIME_ZONE?.trim() || DEFAULT_TIME_ZONE
}

/* ------------------------------------------------------------------ */
/* Loading a step                                                      */
/* ------------------------------------------------------------------ */

export type StepContext = {
  token: string
  service: ServiceDetail
  profile: Profile
  draft: BookingDraft
  /** The flashed problem for this step, if any. */
  stepError: string | null
  /** Keep the draft cookie (new draft, flash read). */
  headers: HeadersInit
}

/** A problem reaching the backend: sign out on 401/403, otherwise a 503 page. */
export async function failWith(request: Request, error: unknown): Promise<never> {
  const problem: Problem = toProblem(error)
  await signOutIfRefused(request, problem)
  throw new Response(problem.message, { status: problem.status >= 500 ? 503 : problem.status })
}

/** Saved locations, the default one first, then as saved. */
export function sortedLocations(profile: Profile): Address[] {
  const locations = [...(profile.locations ?? [])]
  return locations.sort((a, b) => Number(b.is_default_shipping) - Number(a.is_default_shipping))
}

/**
 * Everything a step needs: the signed-in customer (visitors go to sign in and come back here),
 * the service (404 when there is none), their profile and their draft for this service. A step
 * whose earlier steps are unanswered sends the customer to the first of those.
 */
export async function loadStep(request: Request, handle: string | undefined, step: BookingStep): Promise<StepContext> {
  const token = await requireToken(request)
  let service: ServiceDetail | null
  let profile: Profile
  try {
    ;[service, profile] = await Promise.all([getService(handle ?? ""), getProfile(token)])
  } catch (error) {
    return failWith(request, error)
  }
  if (!service) throw new Response("Service not found", { status: 404 })

  const session = await draftSession(request)
  const saved = session.get("draft")
  const fresh: BookingDraft = { owner: profile.account_email, handle: service.handle, service_id: service.id }
  const draft = saved && saved.owner === profile.account_email && saved.service_id === service.id ? saved : fresh
  if (draft === fresh) session.set("draft", fresh)

  const flashed = session.get("stepError")
  const stepError = flashed && flashed.step === step ? flashed.message : null
  const headers = { "Set-Cookie": await storage().commitSession(session, cookieSecurity()) }

  const missing = firstMissingStep(draft)
  if (BOOKING_STEPS.indexOf(missing) < BOOKING_STEPS.indexOf(step)) {
    throw redirect(stepPath(service.handle, missing), { headers })
  }
  return { token, service, profile, draft, stepError, headers }
}

/** Keeps the answered step and goes on to the next unanswered one (or the review). */
export async function saveStep(request: Request, draft: BookingDraft, step: BookingStep) {
  const session = await draftSession(request)
  session.set("draft", draft)
  const cookie = await commitDraft(session)
  return redirect(stepPath(draft.handle, nextStep(draft, step)), { headers: { "Set-Cookie": cookie } })
}

/** Back to `step`, showing `message` there once. */
export async function returnToStep(request: Request, draft: BookingDraft, step: BookingStep, message: string) {
  const session = await draftSession(request)
  session.set("draft", draft)
  session.flash("stepError", { step, message })
  return redirect(stepPath(draft.handle, step), { headers: { "Set-Cookie": await storage().commitSession(session, cookieSecurity()) } })
}

/** The booking is placed: forget the answers. */
export async function clearDraft(request: Request): Promise<HeadersInit> {
  const session = await draftSession(request)
  return { "Set-Cookie": await storage().destroySession(session, cookieSecurity()) }
}

/** A refused session signs the customer out; other errors come back as a Problem to show. */
export async function problemOf(request: Request, error: unknown): Promise<Problem> {
  const problem = toProblem(error)
  await signOutIfRefused(request, problem)
  return problem
}

/** 404 from a lookup that may simply be turned off (dependents). */
export function isNotFound(error: unknown): boolean {
  return errorStatus(error) === 404
}
