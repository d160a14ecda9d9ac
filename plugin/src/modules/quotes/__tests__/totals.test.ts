import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { depositAmount, optionTotals, selectionTotals } from "../totals"

const options = [
  {
    id: "good",
    lines: [
      { id: "g1", quantity: 1, unit_price: 120, tax_rate: 20 },
      { id: "g2", quantity: 2, unit_price: 15.5, tax_rate: 20, optional: true },
    ],
  },
  { id: "best", lines: [{ id: "b1", quantity: 1, unit_price: 240, tax_rate: 20 }] },
]

describe("quote totals", () => {
  it("leave optional lines out until ticked", () => {
    expect(optionTotals(options[0].lines, "gbp").total.toString()).toBe("144")
    expect(optionTotals(options[0].lines, "gbp", ["g2"]).total.toString()).toBe("181.2")
  })

  it("refuse an option not in the version and another option's line", () => {
    expect(selectionTotals(options, "better", [], "gbp")).toEqual({ error: "unknown_option" })
    expect(selectionTotals(options, "best", ["g2"], "gbp")).toEqual({ error: "not_optional" })
    expect(selectionTotals(options, "good", ["g1"], "gbp")).toEqual({ error: "not_optional" })
  })

  it("equal the sum of the lines to the penny for any mix of lines and ticks", () => {
    const line = fc.record({
      id: fc.uuid(),
      quantity: fc.integer({ min: 1, max: 50 }),
      unit_price: fc.integer({ min: 0, max: 1_000_000 }).map((pence) => pence / 100),
      tax_rate: fc.constantFrom(0, 5, 17.5, 20, 23),
      optional: fc.boolean(),
    })
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), (lines, ticks) => {
        const ticked = lines.filter((candidate, index) => candidate.optional && ticks[index]).map((candidate) => candidate.id)
        const result = selectionTotals([{ id: "o", lines }], "o", ticked, "gbp")
        if ("error" in result) throw new Error(result.error)
        const counted = lines.filter((candidate) => !candidate.optional || ticked.includes(candidate.id))
        const pence = counted.reduce((sum, candidate) => {
          const net = Math.round(candidate.unit_price * 100 * candidate.quantity)
          return sum + net + Math.round((net * candidate.tax_rate) / 100 + 1e-9)
        }, 0)
        expect(Math.round(Number(result.totals.total.toString()) * 100)).toBe(pence)
      })
    )
  })

  it("take a deposit as an amount (never above the total) or a percent rounded to the penny", () => {
    expect(depositAmount({ kind: "percent", value: 25 }, 181.3, "gbp").toString()).toBe("45.33")
    expect(depositAmount({ kind: "amount", value: 500 }, 181.2, "gbp").toString()).toBe("181.2")
    expect(depositAmount({ kind: "none", value: null }, 181.2, "gbp").toString()).toBe("0")
  })
})
