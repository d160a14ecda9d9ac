import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import type { ActivityActor } from "../customer-profile/activity"
import { issueInvoiceWorkflow } from "../invoices/issue-invoice"
import { createInvoiceStep } from "../invoices/steps/create-invoice"
import { readIssueOnCompletionStep } from "../invoices/steps/read-billing-settings"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { visitCustomersActivityStep } from "./steps/visit-customers-activity"
import { buildCycleInvoiceStep, type CycleInvoiceInput } from "./steps/build-cycle-invoice"

export const issueCycleInvoiceWorkflowId = "issue-cycle-invoice"

export type IssueCycleInvoiceInput = CycleInvoiceInput & { actor?: ActivityActor | null }

/**
 * One payer's consolidated invoice for a period (or for "Bill now"): written with its lines and
 * visits at once, then issued and emailed with its PDF as a visit's invoice is (per Settings →
 * Billing). Rerun for the same period it finds the invoice made before and, if a killed run left
 * it a draft that should have been issued, issues it; no visit is ever billed twice.
 */
export const issueCycleInvoiceWorkflow = createWorkflow(issueCycleInvoiceWorkflowId, (input: IssueCycleInvoiceInput) => {
  const lockKey = transform({ input }, ({ input }) => `cycle-invoice:${input.customer_id}:${input.business_profile_id ?? "-"}`)
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })
  const built = buildCycleInvoiceStep(input)
  const created = when({ built }, ({ built }) => !!built.invoice).then(() => createInvoiceStep(transform({ built }, ({ built }) => built.invoice!)))
  releaseLockStep({ key: lockKey })
  const issueNow = readIssueOnCompletionStep()
  const draftId = transform({ built, created }, ({ built, created }) => created?.id ?? (built.existing?.status === "draft" ? built.existing.id : null))
  when({ draftId, issueNow }, ({ draftId, issueNow }) => !!draftId && issueNow).then(() => {
    issueInvoiceWorkflow.runAsStep({
      input: transform({ draftId, input }, ({ draftId, input }) => ({ invoice_id: draftId!, actor: input.actor ?? null })),
    })
    recordActivityStep(visitCustomersActivityStep(transform({ draftId }, ({ draftId }) => ({ invoice_ids: [draftId!] })))).config({
      name: "record-visit-customers-activity",
    })
  })
  return new WorkflowResponse(
    transform({ built, created }, ({ built, created }) => ({ invoice_id: created?.id ?? built.existing?.id ?? null, created: !!created }))
  )
})
