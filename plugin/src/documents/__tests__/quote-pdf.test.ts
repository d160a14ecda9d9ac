import { describe, expect, it } from "vitest"
import type { Quote, QuoteVersion } from "@fieldservice/contract"
import { renderQuotePdf } from "../quote-pdf"

const line = (id: string, optional = false) => ({
  id,
  product_id: null,
  variant_id: null,
  description: `Line ${id}`,
  quantity: 2,
  unit_price: 10,
  tax_rate: 20,
  optional,
  subtotal: 20,
  tax_total: 4,
  total: 24,
})

const version: QuoteVersion = {
  id: "quov_1",
  version: 2,
  status: "draft",
  notes: "Keys from the agent.",
  sent_at: null,
  options: [
    { id: "quoo_1", title: "Standard", description: null, lines: [line("a")], subtotal: 20, tax_total: 4, total: 24 },
    { id: "quoo_2", title: "Deep", description: "With carpets", lines: [line("b"), line("c", true)], subtotal: 20, tax_total: 4, total: 24 },
  ],
  attachments: [],
}

const quote: Quote = {
  id: "quo_1",
  number: "QUO-2026-000001",
  status: "sent",
  title: "End of tenancy clean",
  customer_id: "cus_1",
  business_profile_id: null,
  address_id: null,
  currency_code: "gbp",
  expires_on: "2026-12-31",
  deposit: { kind: "percent", value: 25 },
  bill_to: { name: "Ada Lovelace", company: null, email: "ada@example.com", address_lines: ["1 Street", "Bristol"], tax_id: null },
  seller: { name: "Brightside", address_lines: [], tax_registration_number: "GB1", bank_details: null, footer: "Thank you", email: null, phone: null },
  current: null,
  draft: version,
  total: 24,
  acceptance: null,
  booking_ids: [],
  sent_at: null,
  viewed_at: null,
  created_at: "2026-12-01T10:00:00.000Z",
}

describe("renderQuotePdf", () => {
  it("prints every option, optional lines, the deposit and notes into one PDF", async () => {
    const pdf = await renderQuotePdf(quote, version, "Europe/London")
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-")
    expect(pdf.length).toBeGreaterThan(1500)
  })
})
