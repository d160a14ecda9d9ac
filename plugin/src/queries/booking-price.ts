import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import type { BookingPrice } from "@fieldservice/contract"

type PriceRow = {
  currency_code: string
  subtotal: unknown
  tax_total: unknown
  discount_total: unknown
  total: unknown
  credit_line_total?: unknown
  credit_lines?: { amount: unknown; reference: string | null }[]
  payment_collections?: { amount: unknown }[]
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

/** Orders and carts name their totals alike, so one read prices both. */
async function loadPrice(scope: MedusaContainer, entity: "order" | "cart", id: string): Promise<BookingPrice | null> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity,
    fields: [
      "currency_code",
      "subtotal",
      "tax_total",
      "discount_total",
      "total",
      "credit_line_total",
      "credit_lines.amount",
      "credit_lines.reference",
      "items.title",
      "items.variant_title",
      "items.product_title",
      "items.quantity",
      // Medusa drops an order item's quantity from some field lists unless its detail is asked for too.
      "items.detail.quantity",
      "items.unit_price",
      "items.subtotal",
      "payment_collections.amount",
    ],
    filters: { id },
  })
  // Query types totals as BigNumber values: Number() reads them as the order (or cart) computed them.
  const row = data[0] as unknown as PriceRow | undefined
  if (!row) return null
  // A quote's deposit paid before the visit leaves the payment asked for short of the total.
  const asked = row.payment_collections?.[0]?.amount
  const paidBefore = asked === undefined || asked === null ? 0 : MathBN.sub(row.total as number, asked as number).toNumber()
  // Medusa takes credit lines (a gift voucher's) off the total: the visit's price is the total before them.
  const credited = Number(row.credit_line_total ?? 0)
  const creditOf = (reference: string) =>
    (row.credit_lines ?? [])
      .filter((line) => line.reference === reference)
      .reduce((sum, line) => MathBN.add(sum, line.amount as number), MathBN.convert(0))
      .toNumber()
  const voucher = creditOf("gift-voucher")
  const storeCredit = creditOf("customer-store-credit")
  return {
    currency_code: row.currency_code,
    lines: (row.items ?? []).map((item) => ({
      title: [item.product_title ?? item.title, item.variant_title].filter(Boolean).join(" · "),
      quantity: Number(item.quantity),
      unit_price: Number(item.unit_price),
      // Before tax, which the order shows once, below the lines.
      total: Number(item.subtotal),
    })),
    subtotal: Number(row.subtotal),
    discount_total: Number(row.discount_total),
    tax_total: Number(row.tax_total),
    total: MathBN.add(row.total as number, credited).toNumber(),
    ...(paidBefore > 0 ? { paid_before: paidBefore } : {}),
    ...(voucher > 0 ? { gift_voucher: voucher } : {}),
    ...(storeCredit > 0 ? { store_credit: storeCredit } : {}),
  }
}

/**
 * What the visit costs, from the booking's own Medusa order (its lines, tax and total as the order
 * computed them, in the currency's main unit), or null for a booking without an order.
 */
export async function loadBookingPrice(scope: MedusaContainer, orderId: string | null): Promise<BookingPrice | null> {
  return orderId ? loadPrice(scope, "order", orderId) : null
}

/** What a booking's cart comes to before it becomes the order (the review step's price). */
export async function loadCartPrice(scope: MedusaContainer, cartId: string): Promise<BookingPrice | null> {
  return loadPrice(scope, "cart", cartId)
}
