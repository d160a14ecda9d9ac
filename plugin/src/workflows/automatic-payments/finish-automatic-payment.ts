import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep } from "@medusajs/medusa/core-flows"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { type FinishAutomaticPaymentInput, finishAutomaticPaymentStep } from "./steps/finish-automatic-payment"

export const finishAutomaticPaymentWorkflowId = "finish-automatic-payment"
export const AUTOMATIC_PAYMENT_FAILED_TRIGGER = "automatic_payment.failed"

/**
 * Ends one automatic try. A paid one is on the invoice already (the invoice checkout recorded the
 * money, its history line and its receipt); a failed one gets its history line and an email to the
 * payer with a link to pay by hand, which the Notification module puts in the communication log.
 */
export const finishAutomaticPaymentWorkflow = createWorkflow(finishAutomaticPaymentWorkflowId, (input: FinishAutomaticPaymentInput) => {
  const finished = finishAutomaticPaymentStep(input)
  when("automatic-payment-failed", { finished }, ({ finished }) => finished.outcome === "failed").then(() => {
    recordActivityStep(
      transform({ finished }, ({ finished }) => [
        {
          customer_id: finished.customer_id,
          kind: "automatic_payment_failed",
          message: `Automatic payment of ${finished.amount_text} on invoice ${finished.number} failed (try ${finished.attempt}, ${finished.card_text}): ${finished.reason} ${finished.next_retry_at ? "It will be tried again." : "It won't be tried again."}`,
          data: {
            invoice_id: finished.invoice_id,
            number: finished.number,
            attempt: finished.attempt,
            reason: finished.reason,
            next_retry_at: finished.next_retry_at,
          },
          actor: { type: "system" as const },
        },
      ])
    )
    sendNotificationsStep(
      transform({ finished }, ({ finished }) => [
        {
          to: finished.email,
          channel: "email",
          template: "automatic-payment-failed",
          receiver_id: finished.customer_id,
          resource_id: finished.invoice_id,
          resource_type: "invoice",
          trigger_type: AUTOMATIC_PAYMENT_FAILED_TRIGGER,
          // One email per try, even if this workflow were run twice for it.
          idempotency_key: `automatic-payment-failed:${finished.invoice_id}:${finished.attempt}`,
          data: {
            first_name: finished.first_name ?? undefined,
            invoice_number: finished.number,
            amount_text: finished.amount_text,
            card_text: finished.card_text,
            reason_text: finished.reason,
            retry_text: finished.retry_text,
            pay_url: finished.pay_url,
          },
        },
      ])
    )
  })
  return new WorkflowResponse(finished)
})
