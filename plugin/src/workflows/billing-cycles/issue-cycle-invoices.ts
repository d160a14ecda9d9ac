import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { invoiceActivity, moneyOf } from "../invoices/invoice-activity"
import { createInvoicesStep } from "../invoices/steps/create-invoice"
import { creditQuoteDepositsStep } from "../invoices/steps/credit-quote-deposits"
import { issueInvoicesStep } from "../invoices/steps/issue-invoice"
import { readIssueOnCompletionStep } from "../invoices/steps/read-billing-settings"
import { buildCycleInvoicesStep, type CycleInvoiceInput } from "./steps/build-cycle-invoice"
import { captureVisitCardsStep } from "./steps/capture-visit-cards"
import { visitCustomersActivityStep } from "./steps/visit-customers-activity"

export const issueCycleInvoicesWorkflowId = "issue-cycle-invoices"

export type IssueCycleInvoicesInput = {
  payers: CycleInvoiceInput[]
  /** Drafts a killed run wrote and did not issue, issued with the batch. */
  draft_ids?: string[]
}

/**
 * A billing run's batch: many payers' consolidated invoices read in a few queries, written in one
 * transaction, numbered from the sequence at once and issued together, their history lines and
 * directory rows written as sets. A visit billed meanwhile, or a period's invoice made meanwhile,
 * breaks a unique index and the batch writes nothing (the run then bills its payers one by one).
 * No event each: the `invoice-emails` job emails them after the run, a few at a time, each PDF
 * made then, so 10,000 PDFs don't compete with the run.
 */
export const issueCycleInvoicesWorkflow = createWorkflow(issueCycleInvoicesWorkflowId, (input: IssueCycleInvoicesInput) => {
  const built = buildCycleInvoicesStep(input.payers)
  const created = createInvoicesStep(transform({ built }, ({ built }) => built.flatMap((one) => (one.invoice ? [one.invoice] : []))))
  const issueNow = readIssueOnCompletionStep()
  const plan = transform({ built, created, input, issueNow }, ({ built, created, input, issueNow }) => {
    const made = built.filter((one) => one.invoice)
    const drafts = built.flatMap((one) => (one.existing?.status === "draft" ? [one.existing.id] : []))
    // Visits' card holds: the new invoices with a card-paid visit, and any draft (a few, left by a killed run).
    const withCards = [...created.filter((_, index) => made[index].cards).map((invoice) => invoice.id), ...drafts, ...(input.draft_ids ?? [])]
    return {
      issue: issueNow ? [...created.map((invoice) => invoice.id), ...drafts, ...(input.draft_ids ?? [])] : [],
      cards: issueNow ? withCards : [],
      visits: made.reduce((sum, one) => sum + new Set(one.invoice!.lines.map((line) => line.booking_id)).size, 0),
    }
  })
  const issued = issueInvoicesStep(transform({ plan }, ({ plan }) => ({ invoice_ids: plan.issue })))
  const issuedIds = transform({ issued }, ({ issued }) => new Set(issued.map((invoice) => invoice.id)))
  // Deposits paid on quotes the visits were booked from, credited before the cards are captured.
  creditQuoteDepositsStep(transform({ issued }, ({ issued }) => ({ invoice_ids: issued.map((invoice) => invoice.id) })))
  captureVisitCardsStep(
    transform({ plan, issuedIds }, ({ plan, issuedIds }) => ({ invoice_ids: plan.cards.filter((id) => issuedIds.has(id)), actor_id: null }))
  )
  // After the captures: the history lines also bring the directory's billing columns up to date.
  recordActivityStep(
    transform({ issued }, ({ issued }) =>
      issued.flatMap((invoice) =>
        invoiceActivity(invoice, "invoice_issued", `Invoice ${invoice.number} for ${moneyOf(invoice, invoice.total)} was issued.`, null, {
          booking_id: invoice.booking_id,
        })
      )
    )
  )
  recordActivityStep(visitCustomersActivityStep(transform({ issued }, ({ issued }) => ({ invoice_ids: issued.map((invoice) => invoice.id) })))).config({
    name: "record-visit-customers-activity",
  })
  return new WorkflowResponse(
    transform({ created, issued, plan }, ({ created, issued, plan }) => ({
      created: created.length,
      visits: plan.visits,
      issued: issued.length,
      invoice_ids: created.map((invoice) => invoice.id),
    }))
  )
})
