import { describe, expect, it } from "vitest"
import { AUTOMATIC_PAYMENT_ATTEMPTS, automaticPaymentKey, isAutomaticPaymentKey, nextAutomaticPaymentStep, nextRetryAt } from "../automatic-payments"
import { invoicePayerId } from "../payer"

const first = new Date("2027-03-01T09:00:00Z")
const at = (days: number, hours = 0) => new Date(first.getTime() + days * 86_400_000 + hours * 3_600_000)

describe("automatic payment retries", () => {
  it("retries 1, 3 and 7 days after the first failure, then stops", () => {
    expect(nextRetryAt(first, 1)).toEqual(at(1))
    expect(nextRetryAt(first, 2)).toEqual(at(3))
    expect(nextRetryAt(first, 3)).toEqual(at(7))
    expect(nextRetryAt(first, 4)).toBeNull()
    expect(AUTOMATIC_PAYMENT_ATTEMPTS).toBe(4)
  })

  it("charges first, waits for the retry's time, resumes an unfinished try, and stops when paid or given up", () => {
    expect(nextAutomaticPaymentStep([], first)).toEqual({ action: "charge", attempt: 1 })
    const failed = { attempt: 1, status: "failed", next_retry_at: at(1), attempted_at: first }
    expect(nextAutomaticPaymentStep([failed], at(0, 23))).toEqual({ action: "wait" })
    expect(nextAutomaticPaymentStep([failed], at(1))).toEqual({ action: "charge", attempt: 2 })
    expect(nextAutomaticPaymentStep([failed, { ...failed, attempt: 2, status: "charging" }], at(2))).toEqual({ action: "resume", attempt: 2 })
    expect(nextAutomaticPaymentStep([{ ...failed, status: "succeeded", next_retry_at: null }], at(9))).toEqual({ action: "done" })
    expect(nextAutomaticPaymentStep([{ ...failed, attempt: 4, next_retry_at: null }], at(30))).toEqual({ action: "done" })
  })

  it("keys each try by invoice and attempt, and the invoice's customer pays", () => {
    expect(automaticPaymentKey("inv_1", 2)).toBe("automatic:inv_1:2")
    expect(isAutomaticPaymentKey("automatic:inv_1:2")).toBe(true)
    expect(isAutomaticPaymentKey("portal_123")).toBe(false)
    expect(invoicePayerId({ customer_id: "cus_1" })).toBe("cus_1")
    expect(invoicePayerId({ customer_id: "cus_1", payer_id: "cus_2" })).toBe("cus_2")
  })
})
