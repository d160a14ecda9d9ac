import { api, eventually } from "./api"
import { bookSomething } from "./customer-records"

const BRISTOL = { address_1: "14 Larch Avenue", city: "Bristol", postal_code: "BS6 7QT", country_code: "gb" }

/**
 * Books a clean for the customer and has staff mark it completed; resolves with the booking and
 * the invoice the completion made (it appears within a few seconds, from a subscriber).
 */
export async function completedVisit(admin: string, customer: { token: string; customer: { id: string } }) {
  const { booking } = await bookSomething(customer.token, "regular-home-clean", { address: BRISTOL })
  const done = await api(`/admin/bookings/${booking.id}/status`, { token: admin, body: { status: "completed", early_finish: true } })
  if (done.status !== 200) throw new Error(`completing failed: ${done.status} ${JSON.stringify(done.body)}`)
  const invoice = await eventually(async () => {
    const { body } = await api(`/admin/invoices?booking_id=${booking.id}`, { token: admin })
    if (!body.invoices?.length) throw new Error("no invoice yet")
    return body.invoices[0]
  }, 20_000)
  return { booking, invoice }
}

/** The invoice issued (a no-op refusal when it already is), so tests don't depend on the issue-on-completion setting. */
export async function issued(admin: string, invoice: { id: string; status: string }) {
  if (invoice.status !== "draft") return (await api(`/admin/invoices/${invoice.id}`, { token: admin })).body.invoice
  const { status, body } = await api(`/admin/invoices/${invoice.id}/issue`, { token: admin, body: {} })
  if (status !== 200 && status !== 201) throw new Error(`issuing failed: ${status} ${JSON.stringify(body)}`)
  return body.invoice
}
