import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERVICES_MODULE, type ServicesModuleService } from "../../../modules/services"

export const releaseBookingWindowStepId = "release-booking-window"

/** Gives the booking's place in its arrival window back; taken again if a later step fails. */
export const releaseBookingWindowStep = createStep(
  releaseBookingWindowStepId,
  async (input: { product_id: string; starts_at: string }, { container }) => {
    const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
    await services.releaseWindow(input.product_id, new Date(input.starts_at))
    return new StepResponse(input, input)
  },
  async (released, { container }) => {
    if (!released) return
    const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
    await services.retakeWindow(released.product_id, new Date(released.starts_at))
  }
)
