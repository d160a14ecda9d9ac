import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { invoiceBalance, invoiceTotals, lineAmounts, roundMoney, splitCredit } from "../totals"
import { dueDateFor, dueRuleText } from "../due-dates"

/** Pennies as integers: the test's own exact arithmetic, independent of BigNumber. */
const pence = (value: { toString(): string }) => {
  const [whole, fraction = ""] = value.toString().split(".")
  const sign = whole.startsWith("-") ? -1 : 1
  return sign * (Math.abs(Number(whole)) * 100 + Number(fraction.padEnd(2, "0").slice(0, 2)))
}

const line = fc.record({
  quantity: fc.integer({ min: 1, max: 500 }),
  // A price in pence, written as pounds ("12.34"), as an order stores it.
  unit_price: fc.integer({ min: 0, max: 10_000_000 }).map((p) => (p / 100).toFixed(2)),
  // Rates as businesses use them: whole, or one or two decimals (17.5, 8.25).
  tax_rate: fc.integer({ min: 0, max: 3000 }).map((r) => String(r / 100)),
})

describe("invoice totals", () => {
  it("always equal the sum of their lines to the penny, and subtotal + tax = total, for any mix of lines", () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 40 }), (lines) => {
        const amounts = lines.map((l) => lineAmounts(l, "gbp"))
        const totals = invoiceTotals(amounts)
        expect(pence(totals.subtotal)).toBe(amounts.reduce((sum, a) => sum + pence(a.subtotal), 0))
        expect(pence(totals.tax_total)).toBe(amounts.reduce((sum, a) => sum + pence(a.tax_total), 0))
        expect(pence(totals.total)).toBe(amounts.reduce((sum, a) => sum + pence(a.total), 0))
        expect(pence(totals.subtotal) + pence(totals.tax_total)).toBe(pence(totals.total))
        for (const [i, a] of amounts.entries()) {
          // Each line's tax is its subtotal × rate, rounded half up to the penny.
          // In whole numbers: tax × 10000 against subtotal × rate in hundredths of a percent.
          const rateBp = Math.round(Number(lines[i].tax_rate) * 100)
          expect(Math.abs(pence(a.tax_total) * 10_000 - pence(a.subtotal) * rateBp)).toBeLessThanOrEqual(5_000)
          expect(pence(a.subtotal)).toBe(Math.round(Number(lines[i].unit_price) * 100) * lines[i].quantity)
        }
      }),
      { numRuns: 500 }
    )
  })

  it("rounds half up to the currency's coin: pence for pounds, whole yen", () => {
    expect(roundMoney("0.125", "gbp").toString()).toBe("0.13")
    expect(roundMoney("0.124", "gbp").toString()).toBe("0.12")
    expect(roundMoney("12.5", "jpy").toString()).toBe("13")
    expect(lineAmounts({ quantity: 3, unit_price: "33.33", tax_rate: "17.5" }, "gbp").tax_total.toString()).toBe("17.5")
  })

  it("splits a credit into net and tax at the invoice's ratio, a full credit mirroring the invoice", () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 100 }), (lines, percent) => {
        const invoice = invoiceTotals(lines.map((l) => lineAmounts(l, "gbp")))
        fc.pre(invoice.total.gt(0))
        const full = splitCredit(invoice.total.toString(), { total: invoice.total.toString(), tax_total: invoice.tax_total.toString() }, "gbp")
        expect(full.tax_total.toString()).toBe(invoice.tax_total.toString())
        const part = splitCredit(
          roundMoney(invoice.total.times(percent).div(100), "gbp").toString(),
          { total: invoice.total.toString(), tax_total: invoice.tax_total.toString() },
          "gbp"
        )
        expect(pence(part.subtotal) + pence(part.tax_total)).toBe(pence(part.total))
      })
    )
  })

  it("owes total − credited − paid, never less than nothing", () => {
    expect(invoiceBalance({ total: "102", credited_total: "2", paid_total: "50" }).toString()).toBe("50")
    expect(invoiceBalance({ total: "102", credited_total: "102", paid_total: "102" }).toString()).toBe("0")
  })
})

describe("due dates", () => {
  const company = { default_terms: "net_14" as const, default_terms_days: null }
  const issued = new Date("2026-03-28T15:00:00Z")

  it("takes a day set on the invoice, else the customer's terms, else the company's, to the end of the business's day", () => {
    expect(dueDateFor(issued, company, null, null, "Europe/London")).toMatchObject({ due_rule: "company", terms_days: 14 })
    // 14 days after 28 March (GMT) is 11 April (BST): the last minute of that day in London.
    expect(dueDateFor(issued, company, null, null, "Europe/London").due_at.toISOString()).toBe("2026-04-11T22:59:59.999Z")
    expect(dueDateFor(issued, company, 30, null, "Europe/London")).toMatchObject({ due_rule: "customer", terms_days: 30 })
    expect(dueDateFor(issued, company, 0, null, "Europe/London").due_at.toISOString()).toBe("2026-03-28T23:59:59.999Z")
    expect(dueDateFor(issued, company, 30, { year: 2026, month: 5, day: 1 }, "Europe/London")).toMatchObject({ due_rule: "invoice", terms_days: null })
    expect(dueDateFor(issued, { default_terms: "days", default_terms_days: 45 }, null, null, "UTC").due_at.toISOString()).toBe("2026-05-12T23:59:59.999Z")
  })

  it("says which rule set the date", () => {
    expect(dueRuleText("company", 14)).toBe("Net 14, the company's default terms")
    expect(dueRuleText("customer", 0)).toBe("Due on receipt, the customer's payment terms")
    expect(dueRuleText("invoice", null)).toBe("Set on this invoice")
  })
})
