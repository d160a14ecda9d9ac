import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, type BookingModuleService } from "../../../modules/booking"
import { INVOICES_MODULE, type InvoicesModuleService } from "../../../modules/invoices"
import type { ActivityEntry } from "../../customer-profile/steps/record-activity"

export const visitCustomersActivityStepId = "visit-customers-activity"

/**
 * A consolidated invoice made out to a bill payer lists other customers' visits: each of those
 * customers gets a line in their own history saying which invoice billed them and to whom, as the
 * payer's history says the invoice was issued. Read-only: recordActivityStep writes the lines.
 */
export const visitCustomersActivityStep = createStep(visitCustomersActivityStepId, async (input: { invoice_ids: string[] }, { container }) => {
  if (!input.invoice_ids.length) return new StepResponse([] as ActivityEntry[])
  const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
  const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
  const rows = await invoices.listInvoices({ id: input.invoice_ids }, { relations: ["lines"] })
  const bookingIds = [...new Set(rows.flatMap((row) => (row.lines ?? []).map((line) => line.booking_id).filter((id): id is string => !!id)))]
  const owners = new Map(
    (bookingIds.length ? await bookings.listBookings({ id: bookingIds }, { select: ["id", "customer_id"] }) : []).map((booking) => [
      booking.id,
      booking.customer_id,
    ])
  )
  const entries: ActivityEntry[] = []
  for (const row of rows) {
    const visitsOf = new Map<string, Set<string>>()
    for (const line of row.lines ?? []) {
      const customerId = line.booking_id ? owners.get(line.booking_id) : null
      if (!customerId || customerId === row.customer_id || customerId === row.payer_id) continue
      visitsOf.set(customerId, (visitsOf.get(customerId) ?? new Set()).add(line.booking_id!))
    }
    const payerName = (row.bill_to as { name?: string } | null)?.name ?? "their bill payer"
    for (const [customerId, visits] of visitsOf) {
      entries.push({
        customer_id: customerId,
        kind: "invoice_issued",
        message: `${visits.size === 1 ? "A visit was" : `${visits.size} visits were`} billed on invoice ${row.number}, issued to ${payerName}.`,
        data: { invoice_id: row.id, number: row.number, payer_id: row.payer_id ?? row.customer_id, booking_ids: [...visits] },
        actor: null,
      })
    }
  }
  return new StepResponse(entries)
})
