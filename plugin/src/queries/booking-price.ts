import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { BookingPrice } from "@fieldservice/contract"

type OrderRow = {
  currency_code: string
  subtotal: unknown
  tax_total: unknown
  discount_total: unknown
  total: unknown
  items?: {
    title: string | null
    subtitle?: string | null
    variant_title: string | null
    product_title: string | null
    quantity: unknown
    unit_price: unknown
    subtotal: unknown
  }[]
}

/**
 * What the visit costs, from the booking's own Medusa order (its lines, tax and total as the order
 * computed them, in the currency's main unit), or null for a booking without an order.
 */
export async function loadBookingPrice(scope: MedusaContainer, orderId: string | null): Promise<BookingPrice | null> {
  if (!orderId) return null
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "currency_code",
      "subtotal",
      "tax_total",
      "discount_total",
      "total",
      "items.title",
      "items.variant_title",
      "items.product_title",
      "items.quantity",
      "items.unit_price",
      "items.subtotal",
    ],
    filters: { id: orderId },
  })
  // Query types totals as BigNumber values: Number() reads them as the order computed them.
  const order = data[0] as unknown as OrderRow | undefined
  if (!order) return null
  return {
    currency_code: order.currency_code,
    lines: (order.items ?? []).map((item) => ({
      title: [item.product_title ?? item.title, item.variant_title].filter(Boolean).join(" · "),
      quantity: Number(item.quantity),
      unit_price: Number(item.unit_price),
      // Before tax, which the order shows once, below the lines.
      total: Number(item.subtotal),
    })),
    subtotal: Number(order.subtotal),
    discount_total: Number(order.discount_total),
    tax_total: Number(order.tax_total),
    total: Number(order.total),
  }
}
