import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { BUSINESS_PROFILE_MODULE, type BusinessProfileModuleService } from "../../modules/business-profile"
import { SERVICES_MODULE, servesPostcode, type ServicesModuleService } from "../../modules/services"

export type BookingAddress = {
  address_1: string
  address_2?: string | null
  city: string
  province?: string | null
  postal_code: string
  country_code: string
}

/** Where the visit is: a saved location of the customer's, or a new address. */
export type BookingLocationInput = { address_id: string } | { address: BookingAddress; label?: string | null }

export type BookingCartChoices = {
  customer_id: string
  service_id: string
  variant_id: string
  location: BookingLocationInput
  business_profile_id?: string | null
}

/**
 * The choices that decide what a booking costs, checked as placing it checks them: the service's
 * published option, the customer's own location in the service's area, the customer's own business
 * profile (anyone else's is "not found"), and the region that charges for that country. Placing a
 * booking and its price on the review step both start here, so the preview's cart is the order's.
 */
export async function checkBookingCartChoices(container: MedusaContainer, input: BookingCartChoices) {
  const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const details = await services.retrieveServiceOf(input.service_id)

  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "title", "product.id", "product.title", "product.status"],
    filters: { id: input.variant_id },
  })
  const variant = variants[0] as { id: string; title: string; product: { id: string; title: string; status: string } } | undefined
  if (!variant || variant.product.id !== input.service_id || variant.product.status !== "published") {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Choose one of this service's options")
  }

  let address: BookingAddress
  let address_id: string | null = null
  if ("address_id" in input.location) {
    const customerModule = container.resolve(Modules.CUSTOMER)
    const [saved] = await customerModule.listCustomerAddresses({ id: input.location.address_id, customer_id: input.customer_id }, { take: 1 })
    if (!saved) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Location ${input.location.address_id} was not found`)
    address = {
      address_1: saved.address_1 ?? "",
      address_2: saved.address_2,
      city: saved.city ?? "",
      province: saved.province,
      postal_code: saved.postal_code ?? "",
      country_code: saved.country_code ?? "",
    }
    address_id = saved.id
  } else {
    address = input.location.address
  }
  if (!servesPostcode(details.service_areas ?? [], address.postal_code)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Sorry, we don't offer ${variant.product.title} in ${address.postal_code.toUpperCase()} yet. Choose another location or call us.`
    )
  }

  if (input.business_profile_id) {
    const businessProfiles: BusinessProfileModuleService = container.resolve(BUSINESS_PROFILE_MODULE)
    await businessProfiles.retrieveOwnedBusinessProfile(input.customer_id, input.business_profile_id)
  }

  const regions = container.resolve(Modules.REGION)
  const candidates = await regions.listRegions({ currency_code: details.currency_code }, { relations: ["countries"] })
  const region = candidates.find((r) => (r.countries ?? []).some((country) => country.iso_2 === address.country_code.toLowerCase()))
  if (!region) throw new MedusaError(MedusaError.Types.INVALID_DATA, `We don't take bookings in ${address.country_code.toUpperCase()}`)

  return { details, variant, address, address_id, region }
}

/** A line of an accepted quote booked as a visit: a service option (variant) or a free line, at the quoted price before tax. */
export type QuotedLine = { variant_id: string | null; title: string; quantity: number; unit_price: string }

/**
 * The cart a booking is priced and ordered through (createCartWorkflow's input): one visit of the
 * chosen option, in the region, for the customer; or, booked from a quote, the quote's lines at
 * their quoted prices (Medusa's custom prices, before tax). `metadata` ties a real booking's cart to it.
 */
export function bookingCartInput(input: {
  region_id: string
  sales_channel_id?: string | null
  customer_id: string
  email: string
  variant_id: string
  quoted_lines?: QuotedLine[] | null
  metadata?: Record<string, unknown>
  item_metadata?: Record<string, unknown>
}) {
  const items = input.quoted_lines?.length
    ? input.quoted_lines.map((line) => ({
        ...(line.variant_id ? { variant_id: line.variant_id } : {}),
        title: line.title,
        quantity: line.quantity,
        unit_price: line.unit_price,
        is_tax_inclusive: false,
        requires_shipping: false,
        metadata: input.item_metadata,
      }))
    : [{ variant_id: input.variant_id, quantity: 1, requires_shipping: false, metadata: input.item_metadata }]
  return {
    region_id: input.region_id,
    sales_channel_id: input.sales_channel_id ?? undefined,
    customer_id: input.customer_id,
    email: input.email,
    items,
    metadata: input.metadata,
  }
}
