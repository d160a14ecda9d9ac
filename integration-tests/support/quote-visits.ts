import { api } from "./api"
import { sql } from "./db"
import { createQuote } from "./quotes"

type Customer = { token: string; customer: { id: string } }
type Service = { id: string; variants: { id: string; title: string; price: number }[] }

export const BRISTOL = { address_1: "9 Cotham Vale", city: "Bristol", postal_code: "BS6 6HR", country_code: "gb" }

/** A saved location of the customer's in the BS area; its id. */
export async function savedLocation(customer: Customer, street = "9 Cotham Vale") {
  const { status, body } = await api("/store/customers/me/addresses", { token: customer.token, body: { ...BRISTOL, address_1: street, address_name: street } })
  if (status !== 200) throw new Error(`saving the address failed: ${status} ${JSON.stringify(body)}`)
  return (body.customer.addresses as { id: string; address_1: string }[]).find((address) => address.address_1 === street)!.id
}

/**
 * A quote staff made and sent, accepted by the customer: the service's Small option at a quoted
 * £55 (not the catalogue's £40) and a free line, 2 × £12.50, both at 20% VAT: £80 + £16 = £96.
 * `deposit` asks for one; `address_id` puts the work at a saved location.
 */
export async function acceptedQuote(admin: string, customer: Customer, service: Service, extra: { deposit?: number; address_id?: string } = {}) {
  const small = service.variants.find((variant) => variant.title === "Small")!
  const { quote } = await createQuote(admin, {
    customer_id: customer.customer.id,
    title: "Gutters front and back",
    ...(extra.address_id ? { address_id: extra.address_id } : {}),
    ...(extra.deposit ? { deposit: { kind: "amount", value: String(extra.deposit) } } : {}),
    options: [
      {
        title: "Standard",
        lines: [
          { product_id: service.id, variant_id: small.id, quantity: 1, unit_price: "55.00" },
          { description: "Gutter guard, per metre", quantity: 2, unit_price: "12.50" },
        ],
      },
    ],
  })
  const sent = await api(`/admin/quotes/${quote.id}/send`, { token: admin, body: {} })
  if (sent.status !== 200) throw new Error(`sending failed: ${sent.status} ${JSON.stringify(sent.body)}`)
  const current = sent.body.quote.current
  const accepted = await api(`/store/customers/me/quotes/${quote.id}/accept`, {
    token: customer.token,
    body: { version: current.version, option_id: current.options[0].id, optional_line_ids: [], signed_name: "Quote Customer" },
  })
  if (accepted.status !== 200) throw new Error(`accepting failed: ${accepted.status} ${JSON.stringify(accepted.body)}`)
  return accepted.body.quote as { id: string; number: string; acceptance: { total: number; deposit_amount: number } }
}

/** The deposit paid, as taking it (another part of the product) leaves the acceptance: its Medusa payment and PaymentIntent. */
export async function markDepositPaid(quoteId: string) {
  await sql(
    `update quote_acceptance set deposit_status = 'paid', deposit_medusa_payment_id = 'pay_deposit_' || id, deposit_payment_intent_id = 'pi_deposit_' || id,
            deposit_card = '{"brand":"visa","last4":"4242"}', deposit_paid_at = now() where quote_id = $1`,
    [quoteId]
  )
}

/** The free arrival windows of a service (its id), soonest first. */
export async function serviceWindows(serviceId: string) {
  const { body } = await api(`/store/services/${serviceId}/availability?days=28`)
  return body.windows as { starts_at: string; ends_at: string; remaining: number }[]
}
