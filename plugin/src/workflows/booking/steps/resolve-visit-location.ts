import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { normalizePostcode, postcodeProblem } from "@fieldservice/contract"
import { SERVICES_MODULE, servesPostcode, type ServicesModuleService } from "../../../modules/services"
import type { BookingAddress, BookingLocationInput } from "../booking-cart"
import type { StaffLoadedBooking } from "./load-booking-for-staff-edit"

/** Codes of the 400s about the location chosen, so the route names the field they are about. */
export const VISIT_LOCATION_REFUSALS = {
  outsideArea: "outside_service_area",
  savedPostcode: "saved_location_postcode",
} as const

/** Where the visit goes: the address as the booking keeps it, the saved location it came from, and a new one to save. */
export type VisitLocation = {
  address: BookingAddress
  address_id: string | null
  location_text: string
  /** A new address for the customer's saved locations (none for a guest booking: it stays on the booking). */
  save: { customer_id: string; label: string | null } | null
}

const ADDRESS_PARTS = ["address_1", "address_2", "city", "province", "postal_code", "country_code"] as const

/** "14 Larch Avenue, Bristol, BS6 7QT", as placing a booking writes it. */
export const locationText = (address: BookingAddress) =>
  [address.address_1, address.address_2, address.city, address.province, address.postal_code].filter(Boolean).join(", ")

export const resolveVisitLocationStepId = "resolve-visit-location"

/**
 * The new place of a visit staff move, checked before anything is written: a saved location must
 * be the booking's customer's own (anyone else's is "not found") with a postcode that can exist,
 * and either kind must be in the service's area. Null when the location is not being changed.
 */
export const resolveVisitLocationStep = createStep(
  resolveVisitLocationStepId,
  async (input: { booking: StaffLoadedBooking; location?: BookingLocationInput | null }, { container }) => {
    const { booking, location } = input
    if (!location) return new StepResponse<VisitLocation | null>(null)

    let address: BookingAddress
    let address_id: string | null = null
    if ("address_id" in location) {
      const [saved] = booking.customer_id
        ? await container.resolve(Modules.CUSTOMER).listCustomerAddresses({ id: location.address_id, customer_id: booking.customer_id }, { take: 1 })
        : []
      if (!saved) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Location ${location.address_id} was not found`)
      const parts = Object.fromEntries(ADDRESS_PARTS.map((part) => [part, saved[part] ?? null]))
      address = {
        ...parts,
        address_1: saved.address_1 ?? "",
        city: saved.city ?? "",
        postal_code: saved.postal_code ?? "",
        country_code: saved.country_code ?? "",
      }
      // Saved before postcodes were checked: staff correct it on the customer's page first.
      const problem = postcodeProblem(address.country_code, address.postal_code)
      if (problem) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `${problem.replace(/ Check it and try again\.$/, "")} Correct this saved location on the customer's page, then choose it again.`,
          VISIT_LOCATION_REFUSALS.savedPostcode
        )
      }
      address.postal_code = normalizePostcode(address.country_code, address.postal_code)
      address_id = saved.id
    } else {
      address = location.address
    }

    if (booking.product_id) {
      const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
      const [details] = await services.listServiceDetails({ product_id: booking.product_id }, { take: 1, select: ["service_areas"] })
      const areas = details?.service_areas ?? []
      if (!servesPostcode(areas, address.postal_code)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `${booking.service_title} isn't offered in ${address.postal_code.toUpperCase()}: it covers ${areas.join(", ")}. Choose an address in its area.`,
          VISIT_LOCATION_REFUSALS.outsideArea
        )
      }
    }

    const save = "address" in location && booking.customer_id ? { customer_id: booking.customer_id, label: location.label ?? null } : null
    return new StepResponse<VisitLocation | null>({ address, address_id, location_text: locationText(address), save })
  }
)
