import { describe, expect, it } from "vitest"
import { invoicePayerId } from "../../modules/invoices/payer"
import { payerAmong } from "../bill-payers"
import { groupByPayer, payerKey } from "../billing-cycles"

const rows = [
  { customer_id: "cus_tenant", business_profile_id: null, payer_id: "cus_agency" },
  { customer_id: "cus_firm", business_profile_id: "bizp_branch", payer_id: "cus_head" },
]

describe("who pays", () => {
  it("takes a business profile's own payer, else the customer's, else nobody (the customer pays)", () => {
    expect(payerAmong(rows, "cus_tenant", null)).toBe("cus_agency")
    expect(payerAmong(rows, "cus_tenant", "bizp_any")).toBe("cus_agency")
    expect(payerAmong(rows, "cus_firm", "bizp_branch")).toBe("cus_head")
    expect(payerAmong(rows, "cus_firm", "bizp_other")).toBeNull()
    expect(payerAmong(rows, "cus_firm", null)).toBeNull()
  })

  it("reads an invoice's payer, its customer when none was stored", () => {
    expect(invoicePayerId({ customer_id: "cus_a", payer_id: "cus_b" })).toBe("cus_b")
    expect(invoicePayerId({ customer_id: "cus_a", payer_id: null })).toBe("cus_a")
  })

  it("groups visits by payer: a payer's customers and the payer's own visits together, profiles apart", () => {
    const visits = [
      { id: 1, customer_id: "cus_ada", business_profile_id: null, payer_id: "cus_office" },
      { id: 2, customer_id: "cus_ben", business_profile_id: "bizp_ben", payer_id: "cus_office" },
      { id: 3, customer_id: "cus_office", business_profile_id: null, payer_id: null },
      { id: 4, customer_id: "cus_office", business_profile_id: "bizp_office", payer_id: null },
      { id: 5, customer_id: "cus_ada", business_profile_id: null, payer_id: null },
    ]
    expect(payerKey(visits[1])).toBe("cus_office:-")
    expect(groupByPayer(visits).map((group) => group.map((visit) => visit.id))).toEqual([[1, 2, 3], [4], [5]])
  })

  it("keeps a payer's visits in another currency apart: one invoice per payer and currency", () => {
    const visits = [
      { id: 1, customer_id: "cus_ada", business_profile_id: null, payer_id: null, currency_code: "gbp" },
      { id: 2, customer_id: "cus_ada", business_profile_id: null, payer_id: null, currency_code: "eur" },
      { id: 3, customer_id: "cus_ada", business_profile_id: null, payer_id: null, currency_code: "gbp" },
    ]
    expect(groupByPayer(visits).map((group) => group.map((visit) => visit.id))).toEqual([[1, 3], [2]])
  })
})
