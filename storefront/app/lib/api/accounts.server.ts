/** Getting an account: sign-up, email verification, invitations and an account from a booking number. */

import { apiFetch } from "~/lib/api/api.server"
import type {
  StoreSignUp as SignUpInput,
  StoreBookingSessionResponse as BookingSession,
  StorePortalAccountEmailResponse as AccountEmail,
  StoreVerifyEmailResponse,
} from "@fieldservice/contract"

export async function signUp(input: SignUpInput): Promise<{ email: string }> {
  const result = await apiFetch<Partial<AccountEmail>>("/store/portal/sign-up", { method: "POST", body: input })
  return { email: result.email || input.email }
}

/** Confirms the email; answers the customer's fresh session when the API gives one (the link proved the address). */
export async function verifyEmail(token: string): Promise<{ email: string | null; session: string | null }> {
  const result = await apiFetch<Partial<StoreVerifyEmailResponse>>("/store/portal/verify-email", { method: "POST", body: { token } })
  return { email: result.email ?? null, session: typeof result.token === "string" && result.token ? result.token : null }
}

export async function resendVerification(email: string): Promise<void> {
  await apiFetch("/store/portal/verify-email/resend", { method: "POST", body: { email } })
}

export async function acceptInvite(token: string, password: string): Promise<{ email: string | null }> {
  const result = await apiFetch<Partial<AccountEmail>>("/store/portal/invite/accept", {
    method: "POST",
    body: { token, password },
  })
  return { email: result.email ?? null }
}

/** The token codes of verify-email and invite/accept after which a new link helps. */
export function isStaleLink(code: string | undefined): boolean {
  return code === "token_expired" || code === "token_used"
}

export async function getBookingSession(bookingToken: string): Promise<BookingSession> {
  const result = await apiFetch<Partial<BookingSession>>("/store/portal/booking-session", { token: bookingToken })
  return {
    email: result.email ?? "",
    has_account: Boolean(result.has_account),
    bookings: Array.isArray(result.bookings) ? result.bookings : [],
  }
}

export async function createAccountFromBooking(
  bookingToken: string,
  input: { password: string; first_name: string; last_name: string }
): Promise<{ email: string }> {
  const result = await apiFetch<Partial<AccountEmail>>("/store/portal/booking-session/account", {
    method: "POST",
    token: bookingToken,
    body: input,
  })
  return { email: result.email ?? "" }
}
