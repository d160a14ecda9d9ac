import { api } from "./api"
import { runJob } from "./jobs"

/** One of a service's options as the catalogue has it: ids, names and price (main unit). */
export async function serviceOption(handle = "regular-home-clean", index = 0) {
  const { status, body } = await api(`/store/services/${handle}`)
  if (status !== 200) throw new Error(`no service ${handle}: ${status}`)
  const variant = body.service.variants[index]
  return {
    product_id: body.service.id as string,
    variant_id: variant.id as string,
    title: body.service.title as string,
    variant_title: variant.title as string,
    price: variant.price as number,
  }
}

/** A day `days` from today (YYYY-MM-DD, UTC: tests keep well clear of midnight by using whole weeks). */
export const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

/**
 * A quote body with two options ("Standard", "Deep"): a service line at the catalogue's price, a
 * free line, and in the second an optional extra. `overrides` replaces any top-level field.
 */
export async function twoOptionQuote(customerId: string, overrides: Record<string, unknown> = {}) {
  const clean = await serviceOption()
  return {
    customer_id: customerId,
    title: "End of tenancy clean",
    expires_on: dayFromNow(21),
    notes: "Keys from the letting agent.",
    options: [
      {
        title: "Standard",
        lines: [
          { product_id: clean.product_id, variant_id: clean.variant_id, quantity: 2 },
          { description: "Oven clean", quantity: 1, unit_price: "45.50" },
        ],
      },
      {
        title: "Deep",
        description: "Everything in Standard, and the carpets",
        lines: [
          { variant_id: clean.variant_id, quantity: 3, unit_price: "70.00" },
          { description: "Carpet shampoo, 3 rooms", quantity: 3, unit_price: "33.33" },
          { description: "Window cleaning", quantity: 1, unit_price: "25", optional: true },
        ],
      },
    ],
    ...overrides,
  }
}

/** Staff create a quote through the admin API; the answer's quote and history. */
export async function createQuote(admin: string, body: Record<string, unknown>) {
  const response = await api("/admin/quotes", { token: admin, body })
  if (response.status !== 201) throw new Error(`creating the quote failed: ${response.status} ${JSON.stringify(response.body)}`)
  return response.body as { quote: any; events: any[] }
}

/** A quote staff made and sent to the customer (two options, see twoOptionQuote), as the admin API answers after sending. */
export async function createSentQuote(admin: string, customerId: string, overrides: Record<string, unknown> = {}) {
  const { quote } = await createQuote(admin, await twoOptionQuote(customerId, overrides))
  const sent = await api(`/admin/quotes/${quote.id}/send`, { token: admin, body: {} })
  if (sent.status !== 200) throw new Error(`sending the quote failed: ${sent.status} ${JSON.stringify(sent.body)}`)
  return sent.body as { quote: any; events: any[] }
}

/** The quotes' hourly expiry job once, as Medusa runs scripts against the test database, with its clock at `now`. */
export async function runQuoteExpiry(now: Date) {
  await runJob("expire-quotes", now)
}
