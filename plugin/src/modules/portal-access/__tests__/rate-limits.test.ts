import { describe, expect, it } from "vitest"
import { LOGIN_LIMITS, retryAfterSeconds } from "../rate-limits"

const NOW = Date.parse("2026-12-07T09:00:00Z")
const minutesAgo = (minutes: number) => new Date(NOW - minutes * 60_000)

describe("retryAfterSeconds", () => {
  it("lets a key act until it has used up its allowance in the window", () => {
    const four = [1, 2, 3, 4].map(minutesAgo)
    expect(retryAfterSeconds(four, LOGIN_LIMITS.email, NOW)).toBeNull()
  })

  it("makes the fifth failure for an email wait until the oldest counted one leaves the window", () => {
    const five = [1, 2, 3, 4, 10].map(minutesAgo)
    // The failure 10 minutes ago leaves the 15-minute window in 5 minutes.
    expect(retryAfterSeconds(five, LOGIN_LIMITS.email, NOW)).toBe(5 * 60)
  })

  it("forgets failures older than the window", () => {
    const old = [16, 17, 18, 19, 20].map(minutesAgo)
    expect(retryAfterSeconds(old, LOGIN_LIMITS.email, NOW)).toBeNull()
  })

  it("allows a shared network thirty failures before it waits", () => {
    const many = Array.from({ length: 29 }, (_, i) => minutesAgo(i * 0.25))
    expect(retryAfterSeconds(many, LOGIN_LIMITS.ip, NOW)).toBeNull()
    expect(retryAfterSeconds([...many, minutesAgo(8)], LOGIN_LIMITS.ip, NOW)).toBeGreaterThan(0)
  })
})
