import { describe, expect, it } from "vitest"
import { generateBookingNumber, normalizeBookingNumber } from "../booking-number"

describe("booking numbers", () => {
  it("look like BK-XXXX-XXXX-XXXX and read back unchanged", () => {
    const number = generateBookingNumber()
    expect(number).toMatch(/^BK-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/)
    expect(normalizeBookingNumber(number)).toBe(number)
  })

  it("do not repeat across many bookings (60 random bits)", () => {
    const numbers = new Set(Array.from({ length: 20_000 }, generateBookingNumber))
    expect(numbers.size).toBe(20_000)
  })

  it("forgive case, spaces, missing dashes and look-alike letters when typed", () => {
    expect(normalizeBookingNumber("bk 7f3k q9xm 2pwd")).toBe("BK-7F3K-Q9XM-2PWD")
    expect(normalizeBookingNumber("7F3KQ9XM2PWD")).toBe("BK-7F3K-Q9XM-2PWD")
    expect(normalizeBookingNumber("BK-7F3K-Q9XM-2PWO")).toBe("BK-7F3K-Q9XM-2PW0")
    expect(normalizeBookingNumber("BK-1L1I-0000-0000")).toBe("BK-1111-0000-0000")
  })

  it("refuse what cannot be a booking number", () => {
    expect(normalizeBookingNumber("BK-7F3K-Q9XM")).toBeNull()
    expect(normalizeBookingNumber("BK-7F3K-Q9XM-2PWU")).toBeNull()
    expect(normalizeBookingNumber("")).toBeNull()
  })
})
