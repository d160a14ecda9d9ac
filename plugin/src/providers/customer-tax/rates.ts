import type { ItemTaxCalculationLine, ItemTaxLineDTO, ShippingTaxCalculationLine, ShippingTaxLineDTO, TaxRateDTO } from "@medusajs/framework/types"

/** What staff set on the customer page (customer profile: Billing/tax). */
export type CustomerTaxSetting = { tax_exempt: boolean; tax_rate_override: number | null }

/** The code and name a customer's own rate is shown with on cart, order and invoice lines. */
export const EXEMPT_TAX = { code: "EXEMPT", name: "Tax exempt" } as const
export const SPECIAL_TAX = { code: "CUSTOMER", name: "Customer's special rate" } as const

type Line = { rate_id?: string; rate: number; code: string | null; name: string }

/**
 * The rates one line is taxed at. No setting (a guest, an unknown customer, nothing set): the
 * region's rates, exactly as Medusa's system provider maps them. Exempt: one 0% line named so the
 * order and invoice say why there is no tax (rather than no line, which reads like a missing
 * region). A special rate: that one rate instead of all of the region's, so the total tax is that
 * percentage of the line whatever the region stacks.
 */
export function ratesFor(rates: TaxRateDTO[], setting: CustomerTaxSetting | null): Line[] {
  if (setting?.tax_exempt) return [{ rate: 0, ...EXEMPT_TAX }]
  if (setting && setting.tax_rate_override !== null) return [{ rate: setting.tax_rate_override, ...SPECIAL_TAX }]
  return rates.map((rate) => ({ rate_id: rate.id, rate: rate.rate || 0, code: rate.code, name: rate.name }))
}

/** The tax lines of a cart's or order's items and shipping methods, for the customer's setting. */
export function customerTaxLines(
  itemLines: ItemTaxCalculationLine[],
  shippingLines: ShippingTaxCalculationLine[],
  setting: CustomerTaxSetting | null,
  providerId: string
): (ItemTaxLineDTO | ShippingTaxLineDTO)[] {
  const items = itemLines.flatMap((line) =>
    ratesFor(line.rates, setting).map((rate) => ({ ...rate, line_item_id: line.line_item.id, provider_id: providerId }))
  )
  const shipping = shippingLines.flatMap((line) =>
    ratesFor(line.rates, setting).map((rate) => ({ ...rate, shipping_line_id: line.shipping_line.id, provider_id: providerId }))
  )
  return [...items, ...shipping]
}
