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

/** An entry as the activity table stores it. */
export const activityRow = ({ actor, changes, data, customer_id, kind, message }: ActivityEntry) => ({
  customer_id,
  kind,
  message,
  data: data ?? null,
  changes: changes?.length ? changes : null,
  ...actorColumns(actor),
})

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
    const rows = entries.map(activityRow)
    // One statement for any number of lines: an import batch writes a thousand.
    const ids = await profiles.insertActivities(rows)
    const directory: CustomerDirectoryModuleService = container.resolve(CUSTOMER_DIRECTORY_MODULE)
    await directory.refreshEntries(entries.map((entry) => entry.customer_id))
    const created = rows.map(({ customer_id, kind }, index) => ({ id: ids[index], customer_id, kind }))
    return new StepResponse(created, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    await profiles.deleteCustomerActivities(ids)
  }
)
