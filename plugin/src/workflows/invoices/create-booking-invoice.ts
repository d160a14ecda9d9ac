import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import type { ActivityActor } from "../customer-profile/activity"
import { issueInvoiceWorkflow } from "./issue-invoice"
import { buildBookingInvoiceStep } from "./steps/booking-invoice-draft"
import { createInvoiceStep } from "./steps/create-invoice"
import { readIssueOnCompletionStep } from "./steps/read-billing-settings"

export const createBookingInvoiceWorkflowId = "create-booking-invoice"

export type CreateBookingInvoiceInput = {
  booking_id: string
  actor?: ActivityActor | null
  /** Overrides Settings → Billing's "issue on completion" (the demo data issues its own, dated when the visit was done). */
  issue?: boolean
}

/**
 * A completed visit's invoice, from its Medusa order: a draft, issued at once when Settings →
 * Billing says so. A visit already invoiced is left as it is, so a repeated event bills once.
 */
export const createBookingInvoiceWorkflow = createWorkflow(createBookingInvoiceWorkflowId, (input: CreateBookingInvoiceInput) => {
  const lockKey = transform({ input }, ({ input }) => `booking-invoice:${input.booking_id}`)
  acquireLockStep({ key: lockKey, timeout: 10, ttl: 60 })
  const built = buildBookingInvoiceStep(input)
  const created = when({ built }, ({ built }) => !built.existing_id).then(() => createInvoiceStep(transform({ built }, ({ built }) => built.invoice!)))
  releaseLockStep({ key: lockKey })
  const issueNow = readIssueOnCompletionStep()
  when({ created, issueNow, input }, ({ created, issueNow, input }) => !!created && (input.issue ?? issueNow)).then(() => {
    issueInvoiceWorkflow.runAsStep({
      input: transform({ created, input }, ({ created, input }) => ({ invoice_id: created!.id, actor: input.actor ?? null })),
    })
  })
  return new WorkflowResponse(transform({ built, created }, ({ built, created }) => ({ invoice_id: created?.id ?? built.existing_id })))
})
