import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { BookingAddress } from "../booking-cart"

export const saveVisitLocationStepId = "save-visit-location"

/** A new address staff gave a visit joins the customer's saved locations, as one typed in while booking does; removed again if a later step fails. */
export const saveVisitLocationStep = createStep(
  saveVisitLocationStepId,
  async (input: { customer_id: string; address: BookingAddress; label: string | null }, { container }) => {
    const created = await container.resolve(Modules.CUSTOMER).createCustomerAddresses({
      ...input.address,
      country_code: input.address.country_code.toLowerCase(),
      customer_id: input.customer_id,
      address_name: input.label || input.address.address_1,
    })
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (id) await container.resolve(Modules.CUSTOMER).deleteCustomerAddresses(id)
  }
)
