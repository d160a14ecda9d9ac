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
  return { booking, invoice: await bookingInvoice(admin, booking.id) }
}

/**
 * The booking's invoice that `ready` accepts (newest first), in full, once the completion's
 * subscriber has made it: the staff list finds it by booking, the invoice page has the rest.
 */
export async function bookingInvoice(admin: string, bookingId: string, ready: (invoice: any) => boolean = () => true): Promise<any> {
  return eventually(async () => {
    const { body } = await api(`/admin/invoices?booking_id=${bookingId}`, { token: admin })
    for (const listed of body.invoices ?? []) {
      const invoice = (await api(`/admin/invoices/${listed.id}`, { token: admin })).body.invoice
      if (ready(invoice)) return invoice
    }
    throw new Error(`no such invoice for ${bookingId} yet`)
  }, 20_000)
}

/**
 * The invoice once issued. With "issue on completion" on (the default) the subscriber issues it a
 * moment after making it; otherwise staff issue the draft. Either way the answer is fresh.
 */
export async function issued(admin: string, invoice: { id: string }) {
  const load = async () => (await api(`/admin/invoices/${invoice.id}`, { token: admin })).body.invoice
  const done = await eventually(async () => {
    const current = await load()
    if (current.status === "draft") throw new Error("still a draft")
    return current
  }, 4_000).catch(() => null)
  if (done) return done
  const { status, body } = await api(`/admin/invoices/${invoice.id}/issue`, { token: admin, body: {} })
  if (status !== 200 && !/already issued/.test(body?.message ?? "")) throw new Error(`issuing failed: ${status} ${JSON.stringify(body)}`)
  return load()
}
