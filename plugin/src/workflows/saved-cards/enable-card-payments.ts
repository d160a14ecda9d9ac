import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createRemoteLinkStep } from "@medusajs/medusa/core-flows"
import { cardPaymentsConfigured, STRIPE_PROVIDER_ID } from "../../utils/saved-cards"

/** Regions that don't offer Stripe yet (none when Stripe isn't configured). */
const regionsWithoutCardPaymentsStep = createStep("regions-without-card-payments", async (_: void, { container }) => {
  if (!cardPaymentsConfigured(container)) return new StepResponse([] as string[])
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "region", fields: ["id", "payment_providers.id"] })
  const ids = (data as { id: string; payment_providers?: { id: string }[] }[])
    .filter((region) => !(region.payment_providers ?? []).some((provider) => provider.id === STRIPE_PROVIDER_ID))
    .map((region) => region.id)
  return new StepResponse(ids)
})

/**
 * Offers card payments (Stripe) in every region, next to what each region already offers (pay on
 * the day stays). Changes nothing when Stripe isn't configured or the regions have it already, so
 * the demo seeds run it on every start.
 */
export const enableCardPaymentsWorkflow = createWorkflow("enable-card-payments", () => {
  const regionIds = regionsWithoutCardPaymentsStep()
  when("regions-need-card-payments", { regionIds }, ({ regionIds }) => regionIds.length > 0).then(() => {
    createRemoteLinkStep(
      transform({ regionIds }, ({ regionIds }) =>
        regionIds.map((region_id) => ({ [Modules.REGION]: { region_id }, [Modules.PAYMENT]: { payment_provider_id: STRIPE_PROVIDER_ID } }))
      )
    )
  })
  return new WorkflowResponse(regionIds)
})
