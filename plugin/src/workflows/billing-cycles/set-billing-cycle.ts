import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { BillingCycleSetting } from "@fieldservice/contract"
import { BUSINESS_PROFILE_MODULE, type BusinessProfileModuleService } from "../../modules/business-profile"
import { INVOICES_MODULE, type InvoicesModuleService } from "../../modules/invoices"
import { describeCycle } from "../../modules/invoices/billing-periods"
import { cycleSetting } from "../../queries/billing-cycles"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep } from "../customer-profile/steps/record-activity"

export const setBillingCycleWorkflowId = "set-billing-cycle"

export type SetBillingCycleInput = {
  customer_id: string
  /** Set: that business profile's own cycle; null: the customer's. */
  business_profile_id: string | null
  setting: BillingCycleSetting
  actor?: ActivityActor | null
}

const columns = (setting: BillingCycleSetting) => ({
  frequency: setting.frequency,
  weekday: "weekday" in setting ? setting.weekday : null,
  anchor_date: setting.frequency === "fortnightly" ? setting.anchor_date : null,
  month_day: setting.frequency === "monthly" && setting.month_day !== "last" ? setting.month_day : null,
})

const saveBillingCycleStep = createStep(
  "save-billing-cycle",
  async (input: SetBillingCycleInput, { container }) => {
    const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
    let profileName: string | null = null
    if (input.business_profile_id) {
      const profiles: BusinessProfileModuleService = container.resolve(BUSINESS_PROFILE_MODULE)
      // Another customer's profile is as unknown as one that doesn't exist.
      const [profile] = await profiles.listBusinessProfiles({ id: input.business_profile_id, customer_id: input.customer_id }, { take: 1 })
      if (!profile) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Business profile with id: ${input.business_profile_id} was not found`)
      profileName = profile.name
    }
    const [current] = await invoices.listBillingCycles({ customer_id: input.customer_id, business_profile_id: input.business_profile_id }, { take: 1 })
    const before = cycleSetting(current)
    const saved = current
      ? await invoices.updateBillingCycles({ id: current.id, ...columns(input.setting) })
      : await invoices.createBillingCycles({ customer_id: input.customer_id, business_profile_id: input.business_profile_id, ...columns(input.setting) })
    return new StepResponse(
      { before, after: input.setting, profile_name: profileName, changed: JSON.stringify(before) !== JSON.stringify(input.setting), id: saved.id },
      { id: saved.id, previous: current ? { id: current.id, ...columns(before) } : null }
    )
  },
  async (undo, { container }) => {
    if (!undo) return
    const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
    if (undo.previous) await invoices.updateBillingCycles(undo.previous)
    else await invoices.deleteBillingCycles(undo.id)
  }
)

/** A customer's (or one business profile's) billing cycle, with a line in the activity history when it changes. */
export const setBillingCycleWorkflow = createWorkflow(setBillingCycleWorkflowId, (input: SetBillingCycleInput) => {
  const saved = saveBillingCycleStep(input)
  recordActivityStep(
    transform({ saved, input }, ({ saved, input }) =>
      saved.changed
        ? [
            {
              customer_id: input.customer_id,
              kind: "billing_cycle_changed",
              message: `Billing cycle${saved.profile_name ? ` for ${saved.profile_name}` : ""} changed from "${describeCycle(saved.before)}" to "${describeCycle(saved.after)}".`,
              data: { business_profile_id: input.business_profile_id, before: saved.before, after: saved.after },
              actor: input.actor ?? null,
            },
          ]
        : []
    )
  )
  return new WorkflowResponse(saved)
})
