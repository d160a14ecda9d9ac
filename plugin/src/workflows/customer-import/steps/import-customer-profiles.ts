import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_PROFILE_MODULE, type CustomerProfileModuleService } from "../../../modules/customer-profile"
import { newImportedProfile } from "../../../utils/customer-import-rows"
import { type ExistingRow, undoable } from "./existing-customer-writes"

type ProfileUndo = { created: string[] } | { linked: { customer_id: string; profile_id: string }[] } | { restore: ({ id: string } & Record<string, unknown>)[] }

async function undoProfiles(container: MedusaContainer, records: ProfileUndo[]) {
  const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  for (const record of [...records].reverse()) {
    if ("created" in record) {
      if (record.created.length) await profiles.deleteCustomerProfiles(record.created)
    } else if ("linked" in record) {
      await link.dismiss(
        record.linked.map((item) => ({
          [Modules.CUSTOMER]: { customer_id: item.customer_id },
          [CUSTOMER_PROFILE_MODULE]: { customer_profile_id: item.profile_id },
        }))
      )
    } else if (record.restore.length) {
      await profiles.updateCustomerProfiles(record.restore as never)
    }
  }
}

export type ProfiledRow = ExistingRow & { profile_id: string }

export const importProfilesStepId = "import-customer-profiles"

/**
 * Gives every customer of the batch a profile with the row's status, kind, tags, preferences and
 * notes: customers without one get one created and linked; existing profiles get the filled cells.
 */
export const importProfilesStep = createStep(
  importProfilesStepId,
  async (rows: ExistingRow[], { container }) => {
    const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    const { output, records } = await undoable<ProfiledRow[], ProfileUndo>(
      container,
      async (remember) => {
        const profileOf = new Map<string, Record<string, unknown>>()
        if (rows.length) {
          const { data } = await query.graph({
            entity: "customer",
            fields: ["id", "customer_profile.*"],
            filters: { id: rows.map((item) => item.customer_id) },
          })
          for (const customer of data) {
            if (customer.customer_profile) profileOf.set(customer.id, customer.customer_profile as unknown as Record<string, unknown>)
          }
        }

        const toCreate = rows.filter((item) => !profileOf.has(item.customer_id))
        const profileIds = new Map<string, string>()
        if (toCreate.length) {
          const created = await profiles.insertProfiles(toCreate.map(({ row }) => newImportedProfile(row.profile)))
          remember({ created })
          const links = toCreate.map((item, index) => ({ customer_id: item.customer_id, profile_id: created[index] }))
          await link.create(
            links.map((item) => ({
              [Modules.CUSTOMER]: { customer_id: item.customer_id },
              [CUSTOMER_PROFILE_MODULE]: { customer_profile_id: item.profile_id },
            }))
          )
          remember({ linked: links })
          for (const item of links) profileIds.set(item.customer_id, item.profile_id)
        }

        const updates: Record<string, unknown>[] = []
        const previous: ({ id: string } & Record<string, unknown>)[] = []
        for (const { row, customer_id } of rows) {
          const profile = profileOf.get(customer_id)
          if (!profile) continue
          profileIds.set(customer_id, profile.id as string)
          const changes: Record<string, unknown> = { ...row.profile }
          if (!Object.keys(changes).length) continue
          if (changes.status !== undefined && changes.status !== profile.status) changes.status_changed_at = new Date()
          updates.push({ id: profile.id, ...changes })
          previous.push({ id: profile.id as string, ...Object.fromEntries(Object.keys(changes).map((key) => [key, profile[key] ?? null])) })
        }
        if (updates.length) {
          await profiles.updateCustomerProfiles(updates as never)
          remember({ restore: previous })
        }
        return rows.map((item) => ({ ...item, profile_id: profileIds.get(item.customer_id)! }))
      },
      undoProfiles
    )
    return new StepResponse(output, records)
  },
  async (records, { container }) => {
    if (records) await undoProfiles(container, records)
  }
)
