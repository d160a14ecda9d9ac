import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { billedByCycle } from "../queries/billing-cycles"
import { BOOKING_STATUS_CHANGED } from "../workflows/booking/admin-booking-record"
import { createBookingInvoiceWorkflow } from "../workflows/invoices/create-booking-invoice"
import { withdrawBookingInvoiceWorkflow } from "../workflows/invoices/withdraw-booking-invoice"

type StatusChange = { id: string; from: string; to: string; undo?: boolean; imported?: boolean }

/**
 * A visit marked completed is invoiced at once (drafted, or issued and emailed, per Settings →
 * Billing); an undone completion withdraws an invoice nothing was paid on.
 */
export default async function invoiceCompletedVisit({ event: { data }, container }: SubscriberArgs<StatusChange>) {
  // Visits recorded from elsewhere (the demo data, imports) are invoiced by whoever records them.
  if (data.imported) return
  if (data.to === "completed") {
    // A visit of a customer (or business profile) on a billing cycle waits for the period's invoice.
    if (await billedByCycle(container, data.id)) return
    await createBookingInvoiceWorkflow(container).run({ input: { booking_id: data.id } })
  } else if (data.undo && data.from === "completed") {
    await withdrawBookingInvoiceWorkflow(container).run({ input: { booking_id: data.id } })
  }
}

export const config: SubscriberConfig = { event: BOOKING_STATUS_CHANGED }
