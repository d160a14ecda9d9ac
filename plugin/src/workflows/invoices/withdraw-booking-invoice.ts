import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { INVOICES_MODULE, type InvoicesModuleService } from "../../modules/invoices"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { invoiceActivity, invoiceLabel } from "./invoice-activity"
import { voidInvoiceStep } from "./steps/change-invoice"

const REASON = "The visit was reopened."

const findOpenBookingInvoiceStep = createStep("find-open-booking-invoice", async (input: { booking_id: string }, { container }) => {
  const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
  const [invoice] = await invoices.listInvoices({ booking_id: input.booking_id, status: ["draft", "issued"] }, { take: 1 })
  return new StepResponse(invoice?.id ?? null)
})

/** An undone completion takes back the visit's invoice (voided, so its number stays on record) when nothing was paid on it. */
export const withdrawBookingInvoiceWorkflow = createWorkflow("withdraw-booking-invoice", (input: { booking_id: string }) => {
  const invoiceId = findOpenBookingInvoiceStep(input)
  const voided = when({ invoiceId }, ({ invoiceId }) => !!invoiceId).then(() => {
    const invoice = voidInvoiceStep(transform({ invoiceId }, ({ invoiceId }) => ({ invoice_id: invoiceId!, reason: REASON })))
    recordActivityStep(
      transform({ invoice }, ({ invoice }) => invoiceActivity(invoice, "invoice_voided", `${invoiceLabel(invoice)} was voided: ${REASON}`, null))
    )
    return invoice
  })
  return new WorkflowResponse(transform({ voided }, ({ voided }) => voided?.id ?? null))
})
