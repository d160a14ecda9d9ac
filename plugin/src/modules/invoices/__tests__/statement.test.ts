import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { ageingBucket, buildLedger, type LedgerInput } from "../statement"

const DAY = 86_400_000
const BASE = Date.UTC(2024, 0, 1)
const at = (day: number, hour = 12) => new Date(BASE + day * DAY + hour * 3_600_000)
const dayOf = (instant: Date) => instant.toISOString().slice(0, 10)
const isoDay = (day: number) => dayOf(at(day))
const pence = (value: { toString(): string }) => Math.round(Number(value.toString()) * 100)
const pounds = (p: number) => (p / 100).toFixed(2)

/** One invoice with the money after it: credit notes, payments and refunds on days at or after its issue. */
const invoiceArb = fc.record({
  day: fc.integer({ min: 0, max: 1500 }),
  total: fc.integer({ min: 1, max: 500_000 }),
  terms: fc.integer({ min: 0, max: 60 }),
  events: fc.array(
    fc.record({
      kind: fc.constantFrom("credit_note", "payment", "refund"),
      after: fc.integer({ min: 0, max: 400 }),
      amount: fc.integer({ min: 1, max: 300_000 }),
    }),
    { maxLength: 5 }
  ),
})

function ledgerInput(invoices: fc.infer<typeof invoiceArb>[], fromDay: number, length: number): LedgerInput {
  const input: LedgerInput = {
    invoices: [],
    credit_notes: [],
    payments: [],
    start: at(fromDay, 0),
    end: at(fromDay + length + 1, 0),
    as_of: isoDay(fromDay + length),
    dayOf,
  }
  invoices.forEach((invoice, i) => {
    const id = `inv_${String(i).padStart(3, "0")}`
    input.invoices.push({
      id,
      number: `INV-${i}`,
      issued_at: at(invoice.day),
      due_at: at(invoice.day + invoice.terms, 23),
      total: pounds(invoice.total),
      description: "",
    })
    invoice.events.forEach((event, j) => {
      const when = at(invoice.day + event.after, 13)
      if (event.kind === "credit_note") {
        input.credit_notes.push({ id: `cn_${i}_${j}`, invoice_id: id, number: `CN-${i}-${j}`, issued_at: when, total: pounds(event.amount), description: "" })
      } else {
        input.payments.push({
          id: `pay_${i}_${j}`,
          invoice_id: id,
          kind: event.kind as "payment" | "refund",
          amount: pounds(event.amount),
          paid_at: when,
          reference: null,
          description: "",
        })
      }
    })
  })
  return input
}

describe("account statement arithmetic", () => {
  it("opening + debits − credits = closing, the running balance ends at it, and it is what the invoices still owe", () => {
    fc.assert(
      fc.property(fc.array(invoiceArb, { maxLength: 30 }), fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 0, max: 800 }), (invoices, fromDay, length) => {
        const input = ledgerInput(invoices, fromDay, length)
        const ledger = buildLedger(input)
        const entriesNet = ledger.entries.reduce((sum, entry) => sum + pence(entry.debit) - pence(entry.credit), 0)
        expect(pence(ledger.opening) + entriesNet).toBe(pence(ledger.closing))
        expect(pence(ledger.total_debits) - pence(ledger.total_credits)).toBe(entriesNet)
        if (ledger.entries.length) expect(pence(ledger.entries.at(-1)!.balance)).toBe(pence(ledger.closing))
        // Independently: each invoice issued by the end, less what was credited and paid (plus refunds) by then.
        const end = input.end.getTime()
        let owed = 0
        for (const invoice of invoices) {
          if (at(invoice.day).getTime() >= end) continue
          owed += invoice.total
          for (const event of invoice.events) {
            if (at(invoice.day + event.after, 13).getTime() >= end) continue
            owed += event.kind === "refund" ? event.amount : -event.amount
          }
        }
        expect(pence(ledger.closing)).toBe(owed)
        // The ages add up to the closing balance, less any credit the customer has in hand.
        const buckets = ["current", "days_1_30", "days_31_60", "days_61_90", "over_90"] as const
        expect(buckets.reduce((sum, bucket) => sum + pence(ledger.ageing[bucket]), 0)).toBe(pence(ledger.ageing.total))
        expect(pence(ledger.ageing.total) - pence(ledger.ageing.unapplied_credit)).toBe(pence(ledger.closing))
        expect(ledger.open_invoices.reduce((sum, invoice) => sum + pence(invoice.balance), 0)).toBe(pence(ledger.ageing.total))
        // Dates in order; every entry inside the period.
        const times = ledger.entries.map((entry) => Date.parse(entry.date))
        expect(times).toEqual([...times].sort((a, b) => a - b))
        for (const time of times) expect(time >= input.start.getTime() && time < end).toBe(true)
      })
    )
  })

  it("with nothing prepaid, the ageing buckets sum to the closing balance", () => {
    const paidAtMost = invoiceArb.map((invoice) => ({
      ...invoice,
      events: invoice.events.filter((e) => e.kind === "payment").map((e) => ({ ...e, amount: Math.min(e.amount, Math.floor(invoice.total / 5)) })),
    }))
    fc.assert(
      fc.property(fc.array(paidAtMost, { maxLength: 20 }), fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 0, max: 800 }), (invoices, fromDay, length) => {
        const ledger = buildLedger(ledgerInput(invoices, fromDay, length))
        expect(pence(ledger.ageing.unapplied_credit)).toBe(0)
        expect(pence(ledger.ageing.total)).toBe(pence(ledger.closing))
      })
    )
  })

  it("ages each invoice by whole days past its due day, at the statement's end", () => {
    // Period: days 100–199. Due days 199 (not yet due), 198 (1 day), 169 (30), 168 (31), 109 (90), 108 (91).
    const invoices = [199, 198, 169, 168, 109, 108].map((due, i) => ({ day: due - 10, total: (i + 1) * 1000, terms: 10, events: [] }))
    const ledger = buildLedger(ledgerInput(invoices, 100, 99))
    expect(ledger.open_invoices.map((invoice) => [invoice.days_overdue, invoice.bucket])).toEqual([
      [91, "over_90"],
      [90, "days_61_90"],
      [31, "days_31_60"],
      [30, "days_1_30"],
      [1, "days_1_30"],
      [0, "current"],
    ])
    expect(pence(ledger.ageing.current)).toBe(1000)
    expect(pence(ledger.ageing.days_1_30)).toBe(2000 + 3000)
    expect(pence(ledger.ageing.days_31_60)).toBe(4000)
    expect(pence(ledger.ageing.days_61_90)).toBe(5000)
    expect(pence(ledger.ageing.over_90)).toBe(6000)
    expect([-3, 0, 1, 30, 31, 60, 61, 90, 91].map(ageingBucket)).toEqual([
      "current",
      "current",
      "days_1_30",
      "days_1_30",
      "days_31_60",
      "days_31_60",
      "days_61_90",
      "days_61_90",
      "over_90",
    ])
  })

  it("puts what came before the period into the opening balance, and a refund back on the account as a debit", () => {
    const ledger = buildLedger(
      ledgerInput(
        [
          { day: 10, total: 10_000, terms: 14, events: [{ kind: "payment", after: 5, amount: 4_000 }] },
          {
            day: 40,
            total: 5_000,
            terms: 14,
            events: [
              { kind: "payment", after: 1, amount: 5_000 },
              { kind: "refund", after: 2, amount: 1_000 },
              { kind: "credit_note", after: 3, amount: 500 },
            ],
          },
        ],
        30,
        30
      )
    )
    expect(pence(ledger.opening)).toBe(6_000)
    expect(ledger.entries.map((entry) => [entry.kind, pence(entry.debit), pence(entry.credit), pence(entry.balance)])).toEqual([
      ["invoice", 5_000, 0, 11_000],
      ["payment", 0, 5_000, 6_000],
      ["refund", 1_000, 0, 7_000],
      ["credit_note", 0, 500, 6_500],
    ])
    expect(pence(ledger.closing)).toBe(6_500)
  })
})
