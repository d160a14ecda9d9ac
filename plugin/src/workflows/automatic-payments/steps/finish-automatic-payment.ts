import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { formatLongDate, formatMoney } from "@fieldservice/contract"
import { INVOICES_MODULE, type InvoicesModuleService, nextRetryAt } from "../../../modules/invoices"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../../modules/portal-access"
import { SERVICES_MODULE, type ServicesModuleService } from "../../../modules/services"

export const finishAutomaticPaymentStepId = "finish-automatic-payment"

export type FinishAutomaticPaymentInput = {
  attempt_id: string
  outcome: "succeeded" | "failed"
  checkout_id?: string | null
  /** Stripe's reason for a decline, as it words it. */
  message?: string | null
  card?: { brand: string; last4: string } | null
  now: Date | string
}

export type FinishedAutomaticPayment = {
  outcome: "succeeded" | "failed"
  attempt: number
  customer_id: string
  invoice_id: string
  number: string
  email: string
  first_name: string | null
  amount_text: string
  card_text: string
  reason: string
  next_retry_at: string | null
  retry_text: string
  pay_url: string
}

/**
 * How one try ended, on its record: paid, or declined with Stripe's reason and when it is tried
 * again (1, 3 and 7 days after the first failure, then never). What the failure email and the
 * history line say comes back with it.
 */
export const finishAutomaticPaymentStep = createStep(
  finishAutomaticPaymentStepId,
  async (input: FinishAutomaticPaymentInput, { container }) => {
    const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
    const attempt = await invoices.retrieveAutomaticPaymentAttempt(input.attempt_id)
    const invoice = await invoices.retrieveInvoice(attempt.invoice_id)
    const [first] = await invoices.listAutomaticPaymentAttempts({ invoice_id: invoice.id, attempt: 1 }, { take: 1 })
    const failed = input.outcome === "failed"
    const retryAt = failed ? nextRetryAt(new Date(first?.attempted_at ?? attempt.attempted_at), attempt.attempt) : null
    const card = input.card ?? (attempt.card as { brand: string; last4: string } | null)
    const previous = {
      id: attempt.id,
      status: attempt.status,
      message: attempt.message,
      next_retry_at: attempt.next_retry_at,
      completed_at: attempt.completed_at,
    }
    await invoices.updateAutomaticPaymentAttempts({
      id: attempt.id,
      status: input.outcome,
      checkout_id: input.checkout_id ?? attempt.checkout_id ?? null,
      message: failed ? (input.message ?? "The card was declined.") : null,
      card: card as Record<string, unknown> | null,
      next_retry_at: retryAt,
      completed_at: new Date(input.now),
    })
    const customer = await container.resolve(Modules.CUSTOMER).retrieveCustomer(attempt.customer_id)
    const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
    const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
    const finished: FinishedAutomaticPayment = {
      outcome: input.outcome,
      attempt: attempt.attempt,
      customer_id: attempt.customer_id,
      invoice_id: invoice.id,
      number: invoice.number ?? invoice.id,
      email: customer.email,
      first_name: customer.first_name ?? null,
      amount_text: formatMoney(Number(attempt.amount ?? 0), invoice.currency_code),
      card_text: card ? `${card.brand[0].toUpperCase()}${card.brand.slice(1)} card ending ${card.last4}` : "saved card",
      reason: failed ? (input.message ?? "The card was declined.") : "",
      next_retry_at: retryAt?.toISOString() ?? null,
      retry_text: retryAt
        ? `We'll try your card again on ${formatLongDate(retryAt, services.timeZone)}, unless the invoice is paid before then.`
        : "We won't try your card again for this invoice, so please pay it by hand.",
      pay_url: portal.portalLink(`/invoices/${invoice.id}`),
    }
    return new StepResponse(finished, previous)
  },
  async (previous, { container }) => {
    if (!previous) return
    const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
    await invoices.updateAutomaticPaymentAttempts(previous)
  }
)
