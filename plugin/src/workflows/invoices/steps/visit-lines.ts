import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import type { NewInvoiceLine } from "./create-invoice"

type OrderRow = {
  id: string
  currency_code: string
  items?: {
    title: string | null
    product_title: string | null
    variant_title: string | null
    quantity: unknown
    unit_price: unknown
    tax_lines?: { rate: unknown; code: string | null }[]
  }[]
}

export type BilledVisit = {
  id: string
  booking_number: string
  order_id: string
  starts_at: Date | string
  location_text: string | null
  /** Booked from an accepted quote: its number, named on the visit's first line. */
  quote_number?: string | null
}

/** "Kitchen deep clean · Standard (from quote QUO-2026-000012)": the visit's first line names the quote it was booked from. */
const withQuote = (description: string, index: number, quoteNumber: string | null | undefined) =>
  index === 0 && quoteNumber ? `${description} (from quote ${quoteNumber})` : description

/**
 * Each visit's invoice lines from its Medusa order (its service and option, price and tax rate),
 * read for many visits in one query: a visit's own invoice and a period's consolidated one alike.
 */
export async function visitInvoiceLines(
  container: MedusaContainer,
  visits: BilledVisit[]
): Promise<Map<string, { currency_code: string; lines: NewInvoiceLine[] }>> {
  const result = new Map<string, { currency_code: string; lines: NewInvoiceLine[] }>()
  if (!visits.length) return result
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "currency_code",
      "items.title",
      "items.product_title",
      "items.variant_title",
      "items.quantity",
      // Medusa drops an order item's quantity from some field lists unless its detail is asked for too.
      "items.detail.quantity",
      "items.unit_price",
      "items.tax_lines.rate",
      "items.tax_lines.code",
    ],
    filters: { id: visits.map((visit) => visit.order_id) },
  })
  const orders = new Map((data as unknown as OrderRow[]).map((order) => [order.id, order]))
  for (const visit of visits) {
    const order = orders.get(visit.order_id)
    if (!order) continue
    result.set(visit.id, {
      currency_code: order.currency_code,
      lines: (order.items ?? []).map((item, index) => ({
        description: withQuote([item.product_title ?? item.title, item.variant_title].filter(Boolean).join(" · "), index, visit.quote_number),
        booking_id: visit.id,
        booking_number: visit.booking_number,
        visit_date: new Date(visit.starts_at),
        visit_address: visit.location_text ?? null,
        quantity: MathBN.convert(item.quantity as number).toNumber(),
        unit_price: MathBN.convert(item.unit_price as number).toString(),
        tax_rate: MathBN.sum(...(item.tax_lines ?? []).map((line) => line.rate as number)).toString(),
        tax_code: item.tax_lines?.[0]?.code ?? null,
      })),
    })
  }
  return result
}
