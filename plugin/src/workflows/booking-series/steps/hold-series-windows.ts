import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SERVICES_MODULE, type ServicesModuleService } from "../../../modules/services"

export type WindowAsk = { product_id: string; starts_at: string; count: number }
export type WindowHeld = { product_id: string; starts_at: string; ends_at: string | null; taken: number }

/**
 * Places in the visits' usual windows, one statement per window, under the single bookings' rule
 * (as many as the window still has, at the office's booking rules); given back if a later step fails.
 */
export const holdSeriesWindowsStep = createStep(
  "hold-series-windows",
  async (input: { windows: WindowAsk[]; now: string }, { container }) => {
    const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
    const held: WindowHeld[] = []
    for (const ask of input.windows) {
      const { window, taken } = await services.reserveWindowPlaces(ask.product_id, new Date(ask.starts_at), ask.count, new Date(input.now), "staff")
      held.push({ product_id: ask.product_id, starts_at: ask.starts_at, ends_at: window ? window.ends_at.toISOString() : null, taken })
    }
    return new StepResponse(held, held)
  },
  async (held, { container }) => {
    if (!held) return
    const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
    for (const window of held) {
      if (window.taken) await services.releaseWindow(window.product_id, new Date(window.starts_at), window.taken)
    }
  }
)
