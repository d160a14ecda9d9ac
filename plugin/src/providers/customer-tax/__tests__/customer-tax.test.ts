import type { ItemTaxCalculationLine, ShippingTaxCalculationLine, TaxCalculationContext, TaxRateDTO } from "@medusajs/framework/types"
import { describe, expect, it } from "vitest"
import { CustomerTaxProviderService } from "../service"

/** The region's rates as Medusa's tax module hands them to the provider (only the fields it maps). */
const vat = { id: "txr_vat", rate: 20, code: "VAT", name: "VAT" } as TaxRateDTO
const levy = { id: "txr_levy", rate: 2.5, code: "LEVY", name: "Local levy" } as TaxRateDTO
const items = [{ line_item: { id: "cali_1" }, rates: [vat, levy] }] as unknown as ItemTaxCalculationLine[]
const shipping = [{ shipping_line: { id: "casm_1" }, rates: [vat] }] as unknown as ShippingTaxCalculationLine[]
const context = (customerId?: string) => ({ address: { country_code: "gb" }, customer: customerId ? { id: customerId } : undefined }) as TaxCalculationContext

/** A provider over a fake connection holding one customer's profile row, recording what it was asked. */
function provider(profiles: Record<string, { tax_exempt: boolean; tax_rate_override: number | null }>) {
  const asked: unknown[] = []
  const db = {
    raw: async (_sql: string, bindings: readonly unknown[]) => {
      asked.push(bindings[0])
      const row = profiles[String(bindings[0])]
      return { rows: row ? [row] : [] }
    },
  }
  return { service: new CustomerTaxProviderService({ __pg_connection__: db }), asked }
}

const regionLines = [
  { rate_id: "txr_vat", rate: 20, code: "VAT", name: "VAT", line_item_id: "cali_1", provider_id: "fieldservice" },
  { rate_id: "txr_levy", rate: 2.5, code: "LEVY", name: "Local levy", line_item_id: "cali_1", provider_id: "fieldservice" },
  { rate_id: "txr_vat", rate: 20, code: "VAT", name: "VAT", shipping_line_id: "casm_1", provider_id: "fieldservice" },
]

describe("the customer's own tax provider", () => {
  it("gives a guest the region's rates, as Medusa's system provider does, without reading any profile", async () => {
    const { service, asked } = provider({})
    expect(await service.getTaxLines(items, shipping, context())).toEqual(regionLines)
    expect(asked).toEqual([])
  })

  it("gives an unknown customer, or one with nothing set, the region's rates", async () => {
    const { service } = provider({ cus_plain: { tax_exempt: false, tax_rate_override: null } })
    expect(await service.getTaxLines(items, shipping, context("cus_nobody"))).toEqual(regionLines)
    expect(await service.getTaxLines(items, shipping, context("cus_plain"))).toEqual(regionLines)
  })

  it("gives an exempt customer one 0% line per item and shipping method, named so the order says why", async () => {
    const { service } = provider({ cus_exempt: { tax_exempt: true, tax_rate_override: 5 } })
    expect(await service.getTaxLines(items, shipping, context("cus_exempt"))).toEqual([
      { rate: 0, code: "EXEMPT", name: "Tax exempt", line_item_id: "cali_1", provider_id: "fieldservice" },
      { rate: 0, code: "EXEMPT", name: "Tax exempt", shipping_line_id: "casm_1", provider_id: "fieldservice" },
    ])
  })

  it("gives a special-rate customer that one rate instead of all the region's, as staff typed it", async () => {
    // A `real` column gives 7.3 back as 7.300000190734863.
    const { service } = provider({
      cus_special: { tax_exempt: false, tax_rate_override: Math.fround(7.3) },
      cus_zero: { tax_exempt: false, tax_rate_override: 0 },
    })
    expect(await service.getTaxLines(items, [], context("cus_special"))).toEqual([
      { rate: 7.3, code: "CUSTOMER", name: "Customer's special rate", line_item_id: "cali_1", provider_id: "fieldservice" },
    ])
    expect((await service.getTaxLines(items, [], context("cus_zero"))).map((line) => line.rate)).toEqual([0])
  })
})
