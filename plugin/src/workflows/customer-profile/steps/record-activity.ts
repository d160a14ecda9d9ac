import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_DIRECTORY_MODULE, type CustomerDirectoryModuleService } from "../../../modules/customer-directory"
import { CUSTOMER_PROFILE_MODULE, type CustomerProfileModuleService } from "../../../modules/customer-profile"
import { actorColumns, type ActivityActor, type ActivityChange } from "../activity"

export type ActivityEntry = {
  customer_id: string
  kind: string
  message: string
  data?: Record<string, unknown> | null
  /** Who did it; a plain string is a staff member's email. Missing or null: the system. */
  actor?: ActivityActor | string | null
  /** For edits: each field with its value before and after ("View changes"). */
  changes?: ActivityChange[] | null
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
      entries.map(({ actor, changes, data, ...entry }) => ({
        ...entry,
        data: data ?? null,
        changes: changes?.length ? (changes as unknown as Record<string, unknown>[]) : null,
        ...actorColumns(actor),
      })) as never
    )
    const directory: CustomerDirectoryModuleService = container.resolve(CUSTOMER_DIRECTORY_MODULE)
    await directory.refreshEntries(entries.map((entry) => entry.customer_id))
    const ids = (created as unknown as { id: string }[]).map((entry) => entry.id)
    return new StepResponse(created as unknown as { id: string; customer_id: string; kind: string }[], ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    await profiles.deleteCustomerActivities(ids)
  }
)
