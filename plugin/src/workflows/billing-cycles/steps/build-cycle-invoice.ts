import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, type BookingModuleService } from "../../../modules/booking"
import { INVOICES_MODULE, type InvoicesModuleService } from "../../../modules/invoices"
import { billTo, invoiceSeller } from "../../invoices/steps/booking-invoice-draft"
import type { NewInvoice } from "../../invoices/steps/create-invoice"
import { visitInvoiceLines } from "../../invoices/steps/visit-lines"
import { billPayerLookup, payerParties } from "../../../queries/bill-payers"
import { visitPayer } from "../../../queries/billing-cycles"

export const buildCycleInvoiceStepId = "build-cycle-invoice"

export type CycleInvoiceInput = {
  /** The payer: a customer paying for themself (with the business profile the visits were booked for), or a bill payer (no profile). */
  customer_id: string
  business_profile_id: string | null
  /** The waiting visits to bill; any billed meanwhile (another run, a click) are left out. */
  booking_ids: string[]
  /** "cycle:<customer>:<profile or ->:<close day>" for a period's run, "now:<customer>:<profile or ->:<first visit>" for "Bill now". */
  billing_key: string | null
  period_starts_on: string | null
  period_closes_on: string | null
}

export type BuiltCycleInvoice = { existing: { id: string; status: string } | null; invoice: NewInvoice | null }

/**
 * One payer's consolidated invoice, read before anything is written: a line per visit (per service
 * of the visit) with its date and address, oldest first. The period's invoice if it exists already
 * (a rerun) is given back instead, and visits already on an invoice are dropped.
 */
export const buildCycleInvoiceStep = createStep(buildCycleInvoiceStepId, async (input: CycleInvoiceInput, { container }) => {
  const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
  if (input.billing_key) {
    const [existing] = await invoices.listInvoices(
      { billing_key: input.billing_key, status: ["draft", "issued", "partially_paid", "paid"] },
      { take: 1, select: ["id", "status"] }
    )
    if (existing) return new StepResponse<BuiltCycleInvoice>({ existing: { id: existing.id, status: existing.status }, invoice: null })
  }
  const billed = new Set((await invoices.listInvoicedVisits({ booking_id: input.booking_ids }, { select: ["booking_id"] })).map((v) => v.booking_id))
  const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
  const found = await bookings.listBookings({ id: input.booking_ids.filter((id) => !billed.has(id)) })
  // Each visit's payer read again here: a visit whose payer changed since the run read it waits for its own payer's invoice.
  const payerOf = await billPayerLookup(
    container,
    found.flatMap((booking) => (booking.customer_id ? [booking.customer_id] : []))
  )
  const visits = found
    .filter((booking) => {
      if (booking.status !== "completed" || !booking.customer_id || !booking.order_id) return false
      const payer = visitPayer({
        customer_id: booking.customer_id,
        business_profile_id: booking.business_profile_id ?? null,
        payer_id: payerOf(booking.customer_id, booking.business_profile_id ?? null),
      })
      return payer.customer_id === input.customer_id && payer.business_profile_id === input.business_profile_id
    })
    .sort((a, b) => new Date(a.starts_at).getTime() - new Date(b.starts_at).getTime())
  if (!visits.length) return new StepResponse<BuiltCycleInvoice>({ existing: null, invoice: null })

  const lines = await visitInvoiceLines(
    container,
    visits.map((visit) => ({ ...visit, order_id: visit.order_id!, location_text: visit.location_text ?? null }))
  )
  const currency = lines.get(visits[0].id)?.currency_code ?? "gbp"
  // A payer's invoice says whose visit each line is, when it is not the payer's own.
  const others = await payerParties(
    container,
    visits.flatMap((visit) => (visit.customer_id !== input.customer_id ? [visit.customer_id!] : []))
  )
  const whose = (visit: (typeof visits)[number]) => others.get(visit.customer_id!)?.name
  const own = visits.find((visit) => visit.customer_id === input.customer_id)
  const invoice: NewInvoice = {
    customer_id: input.customer_id,
    payer_id: input.customer_id,
    booking_id: null,
    order_id: null,
    business_profile_id: input.business_profile_id,
    currency_code: currency,
    bill_to: await billTo(container, { customer_id: input.customer_id, business_profile_id: input.business_profile_id, location: own?.location ?? null }),
    seller: await invoiceSeller(container),
    // A visit in another currency waits for an invoice of its own currency.
    lines: visits.flatMap((visit) =>
      lines.get(visit.id)?.currency_code === currency
        ? lines.get(visit.id)!.lines.map((line) => (whose(visit) ? { ...line, description: `${whose(visit)}: ${line.description}` } : line))
        : []
    ),
    billing_key: input.billing_key,
    period_starts_on: input.period_starts_on,
    period_closes_on: input.period_closes_on,
  }
  return new StepResponse<BuiltCycleInvoice>({ existing: null, invoice })
})
