import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BUSINESS_PROFILE_MODULE, type BusinessProfileModuleService } from "../../../modules/business-profile"
import { undoable } from "./existing-customer-writes"
import { ADDRESS_FIELDS } from "./import-customer-addresses"
import type { ProfiledRow } from "./import-customer-profiles"

type BusinessUndo = { created: string[] } | { restore: ({ id: string } & Record<string, unknown>)[] }
const BUSINESS_FIELDS = ["name", "billing_email", "tax_id", ...ADDRESS_FIELDS] as const

async function undoBusinessProfiles(container: MedusaContainer, records: BusinessUndo[]) {
  const service: BusinessProfileModuleService = container.resolve(BUSINESS_PROFILE_MODULE)
  for (const record of [...records].reverse()) {
    if ("created" in record) {
      if (record.created.length) await service.deleteBusinessProfiles(record.created)
    } else if (record.restore.length) {
      await service.updateBusinessProfiles(record.restore as never)
    }
  }
}

export const importBusinessProfilesStepId = "import-business-profiles"

/** A row with business_name adds that business profile, or updates the customer's one of the same name. */
export const importBusinessProfilesStep = createStep(
  importBusinessProfilesStepId,
  async (rows: ProfiledRow[], { container }) => {
    const service: BusinessProfileModuleService = container.resolve(BUSINESS_PROFILE_MODULE)
    const withBusiness = rows.filter((item) => item.row.business)
    const { records } = await undoable<void, BusinessUndo>(
      container,
      async (remember) => {
        if (!withBusiness.length) return
        const stored = await service.listBusinessProfiles({ customer_id: withBusiness.map((item) => item.customer_id) }, { take: null })
        const toCreate: Record<string, unknown>[] = []
        const toUpdate: Record<string, unknown>[] = []
        const previous: ({ id: string } & Record<string, unknown>)[] = []
        for (const { row, customer_id } of withBusiness) {
          const business = row.business!
          const match = stored.find((profile) => profile.customer_id === customer_id && profile.name.trim().toLowerCase() === business.name.toLowerCase())
          if (match) {
            toUpdate.push({ id: match.id, ...business })
            previous.push({ id: match.id, ...Object.fromEntries(BUSINESS_FIELDS.map((key) => [key, (match as Record<string, unknown>)[key] ?? null])) })
          } else {
            toCreate.push({ ...business, customer_id })
          }
        }
        if (toUpdate.length) {
          await service.updateBusinessProfiles(toUpdate as never)
          remember({ restore: previous })
        }
        if (toCreate.length) {
          const created = await service.createBusinessProfiles(toCreate as never)
          remember({ created: (created as unknown as { id: string }[]).map((profile) => profile.id) })
        }
      },
      undoBusinessProfiles
    )
    return new StepResponse(undefined, records)
  },
  async (records, { container }) => {
    if (records) await undoBusinessProfiles(container, records)
  }
)
