import { describe, expect, it } from "vitest"
import { fillSettings, normalizePostcode, postcodeProblem } from "@fieldservice/contract"

describe("postcodes as customers and staff type them", () => {
  it("writes UK postcodes upper case with one space, and collapses spaces elsewhere", () => {
    expect(normalizePostcode("GB", " bs67qt ")).toBe("BS6 7QT")
    expect(normalizePostcode("gb", "sw1a  1aa")).toBe("SW1A 1AA")
    expect(normalizePostcode("IE", "d02   x285")).toBe("D02 X285")
  })

  it("refuses what can't be a postcode in its country, in words a person acts on", () => {
    expect(postcodeProblem("GB", "BS6 7QT")).toBeNull()
    expect(postcodeProblem("GB", "zz99 9zz")).toBe("ZZ99 9ZZ isn’t a postcode in the United Kingdom. Check it and try again.")
    expect(postcodeProblem("GB", "NOTAPOSTCODE123")).toContain("isn’t a postcode in the United Kingdom")
    expect(postcodeProblem("US", "90210")).toBeNull()
    expect(postcodeProblem("US", "ABC")).toBe("ABC isn’t a postcode in the United States. Check it and try again.")
    // No known format: nothing to refuse.
    expect(postcodeProblem("XX", "anything")).toBeNull()
    // Empty is the field's own "required" check.
    expect(postcodeProblem("GB", "  ")).toBeNull()
  })
})

describe("help content naming the portal's rules", () => {
  const rules = {
    cancellation_cutoff_hours: 24,
    reschedule_cutoff_hours: 48,
    cancellation_policy: "Free until the cut-off.",
    office_phone: "0117 496 0000",
    office_email: "office@example.com",
  }

  it("fills in the settings a text names, and leaves unknown names and other text alone", () => {
    expect(
      fillSettings("Cancel {{cancellation_cutoff}}, move {{ reschedule_cutoff }}. {{cancellation_policy}} Else {{office_contact}}. {{price}}", rules)
    ).toBe(
      "Cancel until 24 hours before the arrival window, move until 48 hours before the arrival window. Free until the cut-off. Else call us on 0117 496 0000 or email office@example.com. {{price}}"
    )
    expect(fillSettings("No names here.", rules)).toBe("No names here.")
    expect(fillSettings("{{cancellation_policy}}", null)).toBe("{{cancellation_policy}}")
  })
})
