import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { formatAddress, type InvoiceParty, type InvoiceSeller } from "@fieldservice/contract"
import { BOOKING_MODULE, type BookingModuleService } from "../../../modules/booking"
import { BUSINESS_PROFILE_MODULE, type BusinessProfileModuleService } from "../../../modules/business-profile"
import { INVOICES_MODULE, type InvoicesModuleService } from "../../../modules/invoices"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../../modules/portal-access"
import { billPayerOf, payerParties } from "../../../queries/bill-payers"
import type { NewInvoice } from "./create-invoice"
import { visitInvoiceLines } from "./visit-lines"

export const buildBookingInvoiceStepId = "build-booking-invoice"

export type BuiltInvoice = { existing_id: string | null; invoice: NewInvoice | null }

type AddressRow = {
  address_1?: string | null
  address_2?: string | null
  city?: string | null
  province?: string | null
  postal_code?: string | null
  country_code?: string | null
}

const lines = (address: AddressRow | null | undefined) => (address ? formatAddress(address).split(", ").filter(Boolean) : [])

/** The business as its invoices print it: Settings → Billing, else the store's name and the office's contact. */
export async function invoiceSeller(container: MedusaContainer): Promise<InvoiceSeller> {
  const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
  const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
  const saved = ((await invoices.getSettings()).seller ?? {}) as Partial<InvoiceSeller>
  const policy = await portal.getChangePolicy()
  const [store] = await container.resolve(Modules.STORE).listStores({}, { take: 1 })
  return {
    name: saved.name || store?.name || "",
    address_lines: saved.address_lines ?? [],
    tax_registration_number: saved.tax_registration_number ?? null,
    bank_details: saved.bank_details ?? null,
    footer: saved.footer ?? null,
    email: saved.email || policy.office_email || null,
    phone: saved.phone || policy.office_phone || null,
  }
}

type BilledParty = { customer_id: string; business_profile_id: string | null; location: unknown }

/**
 * Who the visit's invoice is made out to: the business profile it was booked for (seed 000),
 * else the customer at their billing address (or the visit's address). A bill payer is given as
 * the customer, with no profile and no visit address: their name, company and billing address.
 */
export async function billTo(container: MedusaContainer, booking: BilledParty): Promise<InvoiceParty> {
  return (await billToMany(container, [booking]))[0]
}

/** The same for many invoices at once (a billing run's batch): two reads whatever their number. */
export async function billToMany(container: MedusaContainer, parties: BilledParty[]): Promise<InvoiceParty[]> {
  const profileIds = [...new Set(parties.flatMap((party) => (party.business_profile_id ? [party.business_profile_id] : [])))]
  const profiles: BusinessProfileModuleService = container.resolve(BUSINESS_PROFILE_MODULE)
  const found = profileIds.length ? await profiles.listBusinessProfiles({ id: profileIds }) : []
  const profileOf = (party: BilledParty) => found.find((profile) => profile.id === party.business_profile_id && profile.customer_id === party.customer_id)
  const customerIds = [...new Set(parties.filter((party) => !profileOf(party)).map((party) => party.customer_id))]
  const customers = customerIds.length ? await container.resolve(Modules.CUSTOMER).listCustomers({ id: customerIds }, { relations: ["addresses"] }) : []
  const byId = new Map(customers.map((customer) => [customer.id, customer]))
  return parties.map((party) => {
    const profile = profileOf(party)
    if (profile) {
      return { name: profile.name, company: profile.name, email: profile.billing_email, address_lines: lines(profile), tax_id: profile.tax_id ?? null }
    }
    const customer = byId.get(party.customer_id)
    if (!customer) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id: ${party.customer_id} was not found`)
    const billing = customer.addresses?.find((address) => address.is_default_billing)
    return {
      name: [customer.first_name, customer.last_name].filter(Boolean).join(" ") || customer.email,
      company: customer.company_name ?? null,
      email: customer.email,
      address_lines: lines(billing ?? (party.location as AddressRow | null)),
      tax_id: null,
    }
  })
}

/**
 * Everything a completed visit's invoice needs, read before anything is written: the order's
 * lines with their tax rates, who it is made out to, the seller, and the customer's terms.
 * A visit already invoiced (not void) gives that invoice's id instead, so completing twice bills once.
 */
export const buildBookingInvoiceStep = createStep(
  buildBookingInvoiceStepId,
  async (input: { booking_id: string }, { container }): Promise<StepResponse<BuiltInvoice>> => {
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
    const booking = await bookings.retrieveBooking(input.booking_id)
    const [existing] = await invoices.listInvoices({ booking_id: booking.id, status: ["draft", "issued", "partially_paid", "paid"] }, { take: 1 })
    if (existing) return new StepResponse<BuiltInvoice>({ existing_id: existing.id, invoice: null })
    // Or billed on a consolidated invoice (a billing cycle's).
    const [billed] = await invoices.listInvoicedVisits({ booking_id: booking.id }, { take: 1 })
    if (billed) return new StepResponse<BuiltInvoice>({ existing_id: billed.invoice_id, invoice: null })
    if (!booking.customer_id || !booking.order_id) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Booking ${booking.booking_number} has no customer order to invoice.`)
    }
    const visit = { ...booking, order_id: booking.order_id, location_text: booking.location_text ?? null }
    const order = (await visitInvoiceLines(container, [visit])).get(booking.id)
    if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${booking.order_id} was not found`)

    // A bill payer (a letting agency, a head office) gets the invoice, made out to them.
    const payerId = await billPayerOf(container, booking.customer_id, booking.business_profile_id ?? null)
    // The payer's invoice says whose visit it was.
    const whose = payerId ? (await payerParties(container, [booking.customer_id])).get(booking.customer_id)?.name : null
    const invoice: NewInvoice = {
      customer_id: booking.customer_id,
      payer_id: payerId ?? booking.customer_id,
      booking_id: booking.id,
      order_id: booking.order_id,
      business_profile_id: booking.business_profile_id ?? null,
      currency_code: order.currency_code,
      bill_to: payerId
        ? await billTo(container, { customer_id: payerId, business_profile_id: null, location: null })
        : await billTo(container, {
            customer_id: booking.customer_id,
            business_profile_id: booking.business_profile_id ?? null,
            location: booking.location,
          }),
      seller: await invoiceSeller(container),
      lines: whose ? order.lines.map((line) => ({ ...line, description: `${whose}: ${line.description}` })) : order.lines,
    }
    return new StepResponse<BuiltInvoice>({ existing_id: null, invoice })
  }
)
