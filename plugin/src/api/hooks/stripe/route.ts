import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { IPaymentModuleService, WebhookActionResult } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { STRIPE_SIGNATURE_INVALID } from "../../../providers/stripe/service"
import { cardPaymentsConfigured, STRIPE_PROVIDER_ID } from "../../../utils/saved-cards"
import { handleStripeEventWorkflow, type VerifiedStripeEvent } from "../../../workflows/saved-cards/stripe-events"

/**
 * Stripe's webhook endpoint (point the Stripe Dashboard here: <backend>/hooks/stripe).
 * The Stripe-Signature header is checked against STRIPE_WEBHOOK_SECRET over the exact bytes
 * received before anything else (400 when it doesn't match); each event is handled once.
 * Medusa's own /hooks/payment/stripe_stripe keeps working, but checks nothing until later and
 * doesn't recognise a replayed event.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  if (!cardPaymentsConfigured(req.scope)) {
    res.status(404).json({ type: "not_found", message: "Stripe isn't set up on this server." })
    return
  }
  const rawBody = (req as MedusaRequest & { rawBody?: Buffer }).rawBody
  if (!rawBody?.length || typeof req.headers["stripe-signature"] !== "string") {
    res.status(400).json({ type: "invalid_data", message: "A Stripe event needs its raw body and a Stripe-Signature header." })
    return
  }
  const payments: IPaymentModuleService = req.scope.resolve(Modules.PAYMENT)
  let action: WebhookActionResult
  try {
    // The provider checks the signature (with its webhook secret) before reading the event.
    action = await payments.getWebhookActionAndData({
      provider: STRIPE_PROVIDER_ID,
      payload: { data: req.body as Record<string, unknown>, rawData: rawBody, headers: req.headers as Record<string, unknown> },
    })
  } catch (error) {
    if ((error as { code?: string }).code === STRIPE_SIGNATURE_INVALID) {
      res.status(400).json({ type: "invalid_data", message: (error as Error).message })
      return
    }
    throw error
  }

  const body = req.body as { id?: unknown; type?: unknown; livemode?: unknown; data?: { object?: unknown } }
  if (typeof body.id !== "string" || typeof body.type !== "string" || !body.data?.object || typeof body.data.object !== "object") {
    res.status(400).json({ type: "invalid_data", message: "That isn't a Stripe event." })
    return
  }
  const event: VerifiedStripeEvent = {
    id: body.id,
    type: body.type,
    livemode: body.livemode === true,
    object: body.data.object as VerifiedStripeEvent["object"],
  }
  try {
    const { result } = await handleStripeEventWorkflow(req.scope).run({ input: { event, action } })
    // Another delivery of the same event is being handled right now: Stripe tries again later.
    if (result.status === "in_progress") {
      res.status(409).json({ received: true, status: result.status })
      return
    }
    // "duplicate": handled before; this delivery changed nothing.
    res.json(result.status === "processed" ? { received: true, status: result.status, outcome: result.outcome } : { received: true, status: result.status })
  } catch (error) {
    // A 5xx makes Stripe send the event again (for up to three days).
    req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(`Stripe event ${event.id} (${event.type}) failed: ${(error as Error).message}`)
    res.status(500).json({ received: false, message: "The event couldn't be handled; Stripe will send it again." })
  }
}
