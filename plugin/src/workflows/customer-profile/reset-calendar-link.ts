import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_PROFILE_MODULE, type CustomerProfileModuleService } from "../../modules/customer-profile"
import { calendarFeedVersion } from "../../queries/calendar-link"
import { recordActivityStep } from "./steps/record-activity"

const raiseCalendarFeedVersionStep = createStep(
  "raise-calendar-feed-version",
  async (input: { customer_id: string }, { container }) => {
    const profile = await calendarFeedVersion(container, input.customer_id)
    if (!profile) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${input.customer_id} was not found`)
    const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    const version = profile.calendar_feed_version + 1
    await profiles.updateCustomerProfiles({ id: profile.id, calendar_feed_version: version })
    return new StepResponse(version, { id: profile.id, version: profile.calendar_feed_version })
  },
  async (previous, { container }) => {
    if (!previous) return
    const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    await profiles.updateCustomerProfiles({ id: previous.id, calendar_feed_version: previous.version })
  }
)

/** A new private calendar link: the old one stops working at once (a calendar app subscribed to it gets "not found"). */
export const resetCalendarLinkWorkflow = createWorkflow("reset-calendar-link", (input: { customer_id: string }) => {
  const version = raiseCalendarFeedVersionStep(input)
  recordActivityStep(
    transform({ input }, ({ input }) => [
      {
        customer_id: input.customer_id,
        kind: "calendar_link_reset",
        message: "Private calendar link reset: the old link no longer shows the visits.",
        actor: { type: "customer" as const, id: input.customer_id },
      },
    ])
  )
  return new WorkflowResponse(version)
})
