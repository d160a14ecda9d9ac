import { describe, expect, it } from "vitest"
import { formatPhone } from "@fieldservice/contract"

describe("formatPhone: one format for numbers however they were typed", () => {
  it("shows the business's own numbers nationally, grouped", () => {
    for (const typed of ["07700 900888", "+44 7700 900888", "+447700900888", "0044 7700 900888", "07700-900-888"]) {
      expect(formatPhone(typed), typed).toBe("07700 900888")
    }
    expect(formatPhone("+44 (1234) 567 890")).toBe("01234 567890")
    // +44 numbers of Guernsey, Jersey and the Isle of Man are dialled the UK way too.
    expect(formatPhone("+44 7911 156153")).toBe("07911 156153")
  })

  it("shows foreign numbers internationally, and anything else as typed", () => {
    expect(formatPhone("+1 415 555 0100")).toBe("+1 415 555 0100")
    expect(formatPhone("+14155550100")).toBe("+1 415 555 0100")
    expect(formatPhone("ask at reception")).toBe("ask at reception")
    expect(formatPhone("  123 ")).toBe("123")
    expect(formatPhone(null)).toBe("")
  })
})
