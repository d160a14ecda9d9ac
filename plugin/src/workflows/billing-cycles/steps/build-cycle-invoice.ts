import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, type BookingModuleService } from "../../../modules/booking"
import { INVOICES_MODULE, type InvoicesModuleService } from "../../../modules/invoices"
import { billToMany, invoiceSeller } from "../../invoices/steps/booking-invoice-draft"
import type { NewInvoice } from "../../invoices/steps/create-invoice"
import { visitInvoiceLines } from "../../invoices/steps/visit-lines"
import { billPayerLookup, payerParties } from "../../../queries/bill-payers"
import { visitPayer } from "../../../queries/billing-cycles"

export const buildCycleInvoiceStepId = "build-cycle-invoice"
export const buildCycleInvoicesStepId = "build-cycle-invoices"

export type CycleInvoiceInput = {
  /** The payer: a customer paying for themself (with the business profile the visits were booked for), or a bill payer (no profile). */
  customer_id: string
  business_profile_id: string | null
  /** The invoice's currency: the payer's visits in another currency wait for their own invoice. Null: the first visit's. */
  currency_code?: string | null
  /** The waiting visits to bill; any billed meanwhile (another run, a click) are left out. */
  booking_ids: string[]
  /** "cycle:<customer>:<profile or ->:<close day>:<currency>" for a period's run, "now:<customer>:<profile or ->:<first visit>" for "Bill now". */
  billing_key: string | null
  period_starts_on: string | null
  period_closes_on: string | null
}

export type BuiltCycleInvoice = {
  existing: { id: string; status: string } | null
  invoice: NewInvoice | null
  /** Whether a visit on it was booked with a saved card (its hold is captured when it is issued). */
  cards?: boolean
}

const STANDING = ["draft", "issued", "partially_paid", "paid"]

/**
 * Payers' consolidated invoices, read before anything is written, in a handful of queries however
 * many payers: a line per visit (per service of the visit) with its date and address, oldest
 * first. A period's invoice that exists already (a rerun) is given back instead, and visits
 * already on an invoice are dropped.
 */
export async function buildCycleInvoices(container: MedusaContainer, inputs: CycleInvoiceInput[]): Promise<BuiltCycleInvoice[]> {
  const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
  const keys = inputs.flatMap((input) => (input.billing_key ? [input.billing_key] : []))
  const existing = keys.length ? await invoices.listInvoices({ billing_key: keys, status: STANDING }, { select: ["id", "status", "billing_key"] }) : []
  const existingOf = new Map(existing.map((invoice) => [invoice.billing_key!, { id: invoice.id, status: invoice.status as string }]))
  const todo = inputs.filter((input) => !input.billing_key || !existingOf.has(input.billing_key))
  const ids = todo.flatMap((input) => input.booking_ids)
  const billed = new Set(
    (ids.length ? await invoices.listInvoicedVisits({ booking_id: ids }, { select: ["booking_id"] }) : []).map((visit) => visit.booking_id)
  )
  const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
  const unbilled = ids.filter((id) => !billed.has(id))
  const found = unbilled.length ? await bookings.listBookings({ id: unbilled }) : []
  // Each visit's payer read again here: a visit whose payer changed since the run read it waits for its own payer's invoice.
  const payerOf = await billPayerLookup(
    container,
    found.flatMap((booking) => (booking.customer_id ? [booking.customer_id] : []))
  )
  const usable = found.filter((booking) => booking.status === "completed" && !!booking.customer_id && !!booking.order_id)
  const lines = await visitInvoiceLines(
    container,
    usable.map((visit) => ({ ...visit, order_id: visit.order_id!, location_text: visit.location_text ?? null }))
  )
  const byId = new Map(usable.map((booking) => [booking.id, booking]))
  const visitsOf = (input: CycleInvoiceInput) => {
    const asked = input.booking_ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []))
    const mine = asked
      .sort((a, b) => new Date(a.starts_at).getTime() - new Date(b.starts_at).getTime())
      .filter((booking) => {
        const payer = visitPayer({
          customer_id: booking.customer_id!,
          business_profile_id: booking.business_profile_id ?? null,
          payer_id: payerOf(booking.customer_id!, booking.business_profile_id ?? null),
        })
        return payer.customer_id === input.customer_id && payer.business_profile_id === input.business_profile_id && lines.has(booking.id)
      })
    // A visit in another currency waits for an invoice of its own currency.
    const currency = input.currency_code ?? (mine.length ? lines.get(mine[0].id)!.currency_code : null)
    return { currency, visits: mine.filter((visit) => lines.get(visit.id)!.currency_code === currency) }
  }
  const groups = todo.map((input) => ({ input, ...visitsOf(input) })).filter((group) => group.visits.length)
  // A payer's invoice says whose visit each line is, when it is not the payer's own.
  const others = await payerParties(
    container,
    groups.flatMap(({ input, visits }) => visits.flatMap((visit) => (visit.customer_id !== input.customer_id ? [visit.customer_id!] : [])))
  )
  const billTos = await billToMany(
    container,
    groups.map(({ input, visits }) => ({
      customer_id: input.customer_id,
      business_profile_id: input.business_profile_id,
      location: visits.find((visit) => visit.customer_id === input.customer_id)?.location ?? null,
    }))
  )
  const seller = groups.length ? await invoiceSeller(container) : null
  const made = new Map(
    groups.map(({ input, visits, currency }, index): [CycleInvoiceInput, BuiltCycleInvoice] => {
      const whose = (visit: (typeof visits)[number]) => others.get(visit.customer_id!)?.name
      const invoice: NewInvoice = {
        customer_id: input.customer_id,
        payer_id: input.customer_id,
        booking_id: null,
        order_id: null,
        business_profile_id: input.business_profile_id,
        currency_code: currency!,
        bill_to: billTos[index],
        seller: seller!,
        lines: visits.flatMap((visit) =>
          lines.get(visit.id)!.lines.map((line) => (whose(visit) ? { ...line, description: `${whose(visit)}: ${line.description}` } : line))
        ),
        billing_key: input.billing_key,
        period_starts_on: input.period_starts_on,
        period_closes_on: input.period_closes_on,
      }
      return [input, { existing: null, invoice, cards: visits.some((visit) => !!visit.card) }]
    })
  )
  return inputs.map(
    (input) =>
      (input.billing_key && existingOf.get(input.billing_key) ? { existing: existingOf.get(input.billing_key)!, invoice: null } : made.get(input)) ?? {
        existing: null,
        invoice: null,
      }
  )
}

/** One payer's consolidated invoice (the per-payer workflow's: "Bill now", and a failed batch's payers one by one). */
export const buildCycleInvoiceStep = createStep(buildCycleInvoiceStepId, async (input: CycleInvoiceInput, { container }) => {
  const [built] = await buildCycleInvoices(container, [input])
  return new StepResponse<BuiltCycleInvoice>(built)
})

/** Many payers' consolidated invoices, for a billing run's batch. */
export const buildCycleInvoicesStep = createStep(buildCycleInvoicesStepId, async (inputs: CycleInvoiceInput[], { container }) => {
  return new StepResponse<BuiltCycleInvoice[]>(await buildCycleInvoices(container, inputs))
})
