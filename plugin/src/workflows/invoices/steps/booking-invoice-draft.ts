import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { formatAddress, type InvoiceParty, type InvoiceSeller } from "@fieldservice/contract"
import { BOOKING_MODULE, type BookingModuleService } from "../../../modules/booking"
import { BUSINESS_PROFILE_MODULE, type BusinessProfileModuleService } from "../../../modules/business-profile"
import { INVOICES_MODULE, type InvoicesModuleService } from "../../../modules/invoices"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../../modules/portal-access"
import type { NewInvoice } from "./create-invoice"

export const buildBookingInvoiceStepId = "build-booking-invoice"

type OrderRow = {
  id: string
  currency_code: string
  items?: {
    title: string | null
    product_title: string | null
    variant_title: string | null
    quantity: unknown
    unit_price: unknown
    tax_lines?: { rate: unknown; code: string | null }[]
  }[]
}

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

/**
 * Who the visit's invoice is made out to: the business profile it was booked for (seed 000),
 * else the customer at their billing address (or the visit's address).
 */
async function billTo(
  container: MedusaContainer,
  booking: { customer_id: string; business_profile_id: string | null; location: unknown }
): Promise<InvoiceParty> {
  if (booking.business_profile_id) {
    const profiles: BusinessProfileModuleService = container.resolve(BUSINESS_PROFILE_MODULE)
    const [profile] = await profiles.listBusinessProfiles({ id: booking.business_profile_id, customer_id: booking.customer_id }, { take: 1 })
    if (profile) {
      return { name: profile.name, company: profile.name, email: profile.billing_email, address_lines: lines(profile), tax_id: profile.tax_id ?? null }
    }
  }
  const customers = container.resolve(Modules.CUSTOMER)
  const customer = await customers.retrieveCustomer(booking.customer_id, { relations: ["addresses"] })
  const billing = customer.addresses?.find((address) => address.is_default_billing)
  const name = [customer.first_name, customer.last_name].filter(Boolean).join(" ") || customer.email
  return {
    name,
    company: customer.company_name ?? null,
    email: customer.email,
    address_lines: lines(billing ?? (booking.location as AddressRow | null)),
    tax_id: null,
  }
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
    if (!booking.customer_id || !booking.order_id) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Booking ${booking.booking_number} has no customer order to invoice.`)
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "currency_code",
        "items.title",
        "items.product_title",
        "items.variant_title",
        "items.quantity",
        // Medusa drops an order item's quantity from some field lists unless its detail is asked for too.
        "items.detail.quantity",
        "items.unit_price",
        "items.tax_lines.rate",
        "items.tax_lines.code",
      ],
      filters: { id: booking.order_id },
    })
    const order = data[0] as unknown as OrderRow | undefined
    if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${booking.order_id} was not found`)

    const invoice: NewInvoice = {
      customer_id: booking.customer_id,
      booking_id: booking.id,
      order_id: order.id,
      business_profile_id: booking.business_profile_id ?? null,
      currency_code: order.currency_code,
      bill_to: await billTo(container, {
        customer_id: booking.customer_id,
        business_profile_id: booking.business_profile_id ?? null,
        location: booking.location,
      }),
      seller: await invoiceSeller(container),
      lines: (order.items ?? []).map((item) => ({
        description: [item.product_title ?? item.title, item.variant_title].filter(Boolean).join(" · "),
        booking_id: booking.id,
        booking_number: booking.booking_number,
        visit_date: new Date(booking.starts_at),
        visit_address: booking.location_text ?? null,
        quantity: MathBN.convert(item.quantity as number).toNumber(),
        unit_price: MathBN.convert(item.unit_price as number).toString(),
        tax_rate: MathBN.sum(...(item.tax_lines ?? []).map((line) => line.rate as number)).toString(),
        tax_code: item.tax_lines?.[0]?.code ?? null,
      })),
    }
    return new StepResponse<BuiltInvoice>({ existing_id: null, invoice })
  }
)
