import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { type BookingParty, SERVICES_MODULE, type ServicesModuleService } from "../../../modules/services"

export const reserveNewBookingWindowStepId = "reserve-new-booking-window"

/** Takes a place in the new window first (409 when it was just taken); given back if anything later fails. */
export const reserveNewBookingWindowStep = createStep(
  reserveNewBookingWindowStepId,
  async (input: { product_id: string; starts_at: string; by: BookingParty }, { container }) => {
    const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
    const window = await services.reserveWindow(input.product_id, new Date(input.starts_at), new Date(), input.by)
    const reserved = { product_id: input.product_id, starts_at: window.starts_at.toISOString(), ends_at: window.ends_at.toISOString() }
    return new StepResponse(reserved, reserved)
  },
  async (reserved, { container }) => {
    if (!reserved) return
    const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
    await services.releaseWindow(reserved.product_id, new Date(reserved.starts_at))
  }
)
