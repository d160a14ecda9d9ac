import type { MedusaContainer } from "@medusajs/framework/types"
import { createBookingInvoiceWorkflow, issueInvoiceWorkflow, recordInvoicePaymentWorkflow, voidInvoiceWorkflow } from "@fieldservice/medusa-portal/workflows"

const DAY = 24 * 60 * 60 * 1000
const SYSTEM = { type: "system" as const }

type SeededBooking = { id: string; booking_number: string; status: string; completed_at: Date | string | null; ends_at: Date | string }
type SeededInvoice = { id: string; status: string; total: unknown; booking_id: string | null }
type Services = {
  booking: { listBookings: (filters: { booking_number: string[] }) => Promise<SeededBooking[]> }
  invoices: { listInvoices: (filters: { booking_id: string[] }) => Promise<SeededInvoice[]> }
}

/**
 * What a newcomer should see on the Invoices page: every state at once. Each completed demo visit
 * is invoiced through the same workflow as a visit staff complete, as of the day it was done, so
 * due dates fall where they would have (the Carter Lettings one, on 30-day terms, is overdue).
 */
const PLAN: Record<
  string,
  { issue: boolean; voidFirst?: string; payments?: { share: "all" | "part"; method: "bank_transfer" | "cheque"; reference: string; after_days: number }[] }
> = {
  // Olivia's window clean: the first invoice had the wrong price and was voided; the second paid by bank transfer.
  "BK-C6XH-PE6W-J85H": {
    issue: true,
    voidFirst: "Issued with last year's price; replaced.",
    payments: [{ share: "all", method: "bank_transfer", reference: "BACS OB-0412", after_days: 3 }],
  },
  // Olivia's oven clean: issued, not yet due.
  "BK-X99C-SQ27-BW14": { issue: true },
  // Carter Lettings' first end-of-tenancy clean: issued 45 days ago on 30-day terms, unpaid: overdue.
  "BK-E2J7-JW3R-X291": { issue: true },
  // Carter Lettings' second: part paid by cheque.
  "BK-G28S-ZW29-HJ9Z": { issue: true, payments: [{ share: "part", method: "cheque", reference: "Cheque 100482", after_days: 2 }] },
  // Tom's lawn: left as a draft for the office to check.
  "BK-F209-0WDN-A8ZX": { issue: false },
}

export async function seedInvoices(container: MedusaContainer) {
  const { booking: bookings, invoices } = { booking: container.resolve("booking"), invoices: container.resolve("invoices") } as Services
  const visits = (await bookings.listBookings({ booking_number: Object.keys(PLAN) })).filter((booking) => booking.status === "completed")
  const existing = await invoices.listInvoices({ booking_id: visits.map((visit) => visit.id) })
  for (const visit of visits.filter((v) => !existing.some((invoice) => invoice.booking_id === v.id))) {
    const plan = PLAN[visit.booking_number]
    const doneAt = new Date(visit.completed_at ?? visit.ends_at)
    const issue = async () => {
      const { result } = await createBookingInvoiceWorkflow(container).run({ input: { booking_id: visit.id, actor: SYSTEM, issue: false } })
      if (plan.issue) {
        await issueInvoiceWorkflow(container).run({ input: { invoice_id: result.invoice_id!, issued_at: doneAt, actor: SYSTEM, notify: false } })
      }
      return result.invoice_id!
    }
    if (plan.voidFirst) {
      await voidInvoiceWorkflow(container).run({ input: { invoice_id: await issue(), reason: plan.voidFirst, actor: SYSTEM } })
    }
    const invoiceId = await issue()
    for (const payment of plan.payments ?? []) {
      const [invoice] = (await invoices.listInvoices({ booking_id: [visit.id] })).filter((row) => row.id === invoiceId)
      await recordInvoicePaymentWorkflow(container).run({
        input: {
          invoice_id: invoiceId,
          kind: "payment",
          method: payment.method,
          amount: payment.share === "all" ? String(invoice.total) : "100.00",
          reference: payment.reference,
          paid_at: new Date(doneAt.getTime() + payment.after_days * DAY),
          idempotency_key: `demo:${visit.booking_number}:${payment.reference}`,
          actor: SYSTEM,
          notify: false,
        },
      })
    }
  }
}
