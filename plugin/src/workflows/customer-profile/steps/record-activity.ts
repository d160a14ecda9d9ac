import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_DIRECTORY_MODULE, type CustomerDirectoryModuleService } from "../../../modules/customer-directory"
import { CUSTOMER_PROFILE_MODULE, type CustomerProfileModuleService } from "../../../modules/customer-profile"

export type ActivityEntry = {
  customer_id: string
  kind: string
  message: string
  data?: Record<string, unknown> | null
  actor?: string | null
}

/**
 * Adds lines to customers' activity history (removed again if the workflow fails later), and
 * brings those customers' directory rows up to date: every change to a customer records
 * activity, so this is the one place the directory hears about them.
 */
export const recordActivityStep = createStep(
  "record-customer-activity",
  async (entries: ActivityEntry[], { container }) => {
    if (!entries.length) return new StepResponse([], [] as string[])
    const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    const created = await profiles.createCustomerActivities(
      entries.map((entry) => ({ ...entry, data: entry.data ?? null, actor: entry.actor ?? null }))
    )
    const directory: CustomerDirectoryModuleService = container.resolve(CUSTOMER_DIRECTORY_MODULE)
    await directory.refreshEntries(entries.map((entry) => entry.customer_id))
    return new StepResponse(created, created.map((entry) => entry.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    await profiles.deleteCustomerActivities(ids)
  }
)
