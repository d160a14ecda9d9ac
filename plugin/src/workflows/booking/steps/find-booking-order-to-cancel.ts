import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const findOrderToCancelStepId = "find-booking-order-to-cancel"

/** The booking's Medusa order, if it has one that can still be cancelled (staff may have cancelled it already). */
export const findOrderToCancelStep = createStep(findOrderToCancelStepId, async (input: { order_id: string | null }, { container }) => {
  if (!input.order_id) return new StepResponse(null)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "status"], filters: { id: input.order_id } })
  const order = data[0] as { id: string; status: string } | undefined
  return new StepResponse(order && !["canceled", "completed", "archived"].includes(order.status) ? order.id : null)
})
