import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_NOTICES_MODULE, type CustomerNoticesModuleService } from "../../../modules/customer-notices"

export const markAllNoticesReadStepId = "mark-all-notices-read"

type Previous = { id: string; read_at: Date | null }

/** Moves the customer's "read up to" time to now: every notice so far counts as read. */
export const markAllNoticesReadStep = createStep(
  markAllNoticesReadStepId,
  async (input: { customer_id: string }, { container }) => {
    const notices: CustomerNoticesModuleService = container.resolve(CUSTOMER_NOTICES_MODULE)
    const read_at = new Date()
    const [mark] = await notices.listReadAllMarks({ customer_id: input.customer_id }, { take: 1 })
    if (mark) {
      await notices.updateReadAllMarks({ id: mark.id, read_at })
      return new StepResponse({ read_at }, { id: mark.id, read_at: mark.read_at } as Previous)
    }
    const created = await notices.createReadAllMarks({ customer_id: input.customer_id, read_at })
    return new StepResponse({ read_at }, { id: created.id, read_at: null } as Previous)
  },
  async (previous, { container }) => {
    if (!previous) return
    const notices: CustomerNoticesModuleService = container.resolve(CUSTOMER_NOTICES_MODULE)
    if (previous.read_at) await notices.updateReadAllMarks({ id: previous.id, read_at: previous.read_at })
    else await notices.deleteReadAllMarks(previous.id)
  }
)
