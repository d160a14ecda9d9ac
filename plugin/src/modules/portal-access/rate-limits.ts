/** How many events a key may have within a window before it must wait. */
export type Limit = { max: number; windowMs: number }

const MINUTE = 60 * 1000

/**
 * Failed password, booking-number and sign-in-link attempts. Per email: few, as that is one
 * person's account. Per client address: enough for an office or a household sharing a network.
 */
export const LOGIN_LIMITS = {
  email: { max: 5, windowMs: 15 * MINUTE },
  ip: { max: 30, windowMs: 15 * MINUTE },
} satisfies Record<string, Limit>

/** Emails the portal is asked to send (sign-up, confirmation, password reset, sign-in link). */
export const EMAIL_REQUEST_LIMITS = {
  email: { max: 5, windowMs: 60 * MINUTE },
  ip: { max: 30, windowMs: 15 * MINUTE },
} satisfies Record<string, Limit>

/**
 * Seconds until the key may act again, given its recent event times (newest first, at most
 * `limit.max` of them within the window), or null when it has not used up its allowance.
 */
export function retryAfterSeconds(recent: Date[], limit: Limit, now: number): number | null {
  const inWindow = recent.filter((at) => at.getTime() > now - limit.windowMs)
  if (inWindow.length < limit.max) return null
  const oldestCounted = Math.min(...inWindow.slice(0, limit.max).map((at) => at.getTime()))
  return Math.max(1, Math.ceil((oldestCounted + limit.windowMs - now) / 1000))
}
