import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_NOTICES_MODULE, type CustomerNoticesModuleService } from "../../../modules/customer-notices"

export const markNoticeReadStepId = "mark-notice-read"

/** Records that the customer opened one notice; opening it again changes nothing. */
export const markNoticeReadStep = createStep(
  markNoticeReadStepId,
  async (input: { customer_id: string; notification_id: string }, { container }) => {
    const notices: CustomerNoticesModuleService = container.resolve(CUSTOMER_NOTICES_MODULE)
    const [existing] = await notices.listNoticeReads(input, { take: 1 })
    if (existing) return new StepResponse(existing, null as string | null)
    const read = await notices.createNoticeReads(input)
    return new StepResponse(read, read.id)
  },
  async (createdId, { container }) => {
    if (!createdId) return
    const notices: CustomerNoticesModuleService = container.resolve(CUSTOMER_NOTICES_MODULE)
    await notices.deleteNoticeReads(createdId)
  }
)
