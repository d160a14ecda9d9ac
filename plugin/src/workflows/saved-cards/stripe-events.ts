import type { AccountHolderDTO, IPaymentModuleService, WebhookActionResult } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, PaymentActions } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { processPaymentWorkflow } from "@medusajs/medusa/core-flows"
import { confirmBookingPaymentWorkflow } from "../booking/confirm-booking-payment"
import { completeInvoiceCheckoutWorkflow } from "../invoice-payments/complete-invoice-checkout"
import { completeQuoteDepositWorkflow } from "../quotes/quote-deposit"
import { STRIPE_WEBHOOKS_MODULE, type StripeWebhooksModuleService } from "../../modules/stripe-webhooks"
import type { PortalStripeAccountHolderContext } from "../../providers/stripe/service"
import { cardName, cardsOfAccountHolder, type SavedCard, storedDefault, STRIPE_PROVIDER_ID, withDefaultCardLock } from "../../utils/saved-cards"
import type { ActivityActor } from "../customer-profile/activity"
import { type ActivityEntry, recordActivityStep } from "../customer-profile/steps/record-activity"

/** A Stripe event whose signature was checked, as our webhook route hands it over. */
export type VerifiedStripeEvent = {
  id: string
  type: string
  livemode: boolean
  /** `data.object` of the event. */
  object: { id?: string; object?: string; customer?: string | null; payment_method?: string | null; status?: string } & Record<string, unknown>
}

export type HandleStripeEventInput = {
  event: VerifiedStripeEvent
  /** What Medusa's Stripe provider makes of the event (`getWebhookActionAndData`). */
  action: WebhookActionResult
}

export type StripeEventResult = { status: "processed" | "duplicate" | "in_progress"; outcome: string | null }

/** Records the delivery and claims the event; freed again if handling it fails, so Stripe's retry handles it. */
const claimStripeEventStep = createStep(
  "claim-stripe-event",
  async (event: VerifiedStripeEvent, { container }) => {
    const events: StripeWebhooksModuleService = container.resolve(STRIPE_WEBHOOKS_MODULE)
    const claim = await events.claimEvent({
      id: event.id,
      type: event.type,
      livemode: event.livemode,
      object_id: typeof event.object.id === "string" ? event.object.id : null,
    })
    return new StepResponse(claim, claim.claimed ? event.id : null)
  },
  async (id, { container }) => {
    if (!id) return
    const events: StripeWebhooksModuleService = container.resolve(STRIPE_WEBHOOKS_MODULE)
    await events.releaseEvent(id, "handling failed; waiting for Stripe to send it again")
  }
)

type Plan = {
  outcome: string
  /** Hand the payment event to Medusa's processPaymentWorkflow. */
  process_payment: boolean
  /** A card was added and the Stripe customer has no default yet: make the default the customer sees Stripe's too. */
  set_default: { account_holder: AccountHolderDTO; card_id: string } | null
  /** An invoice payment made in the portal: record it (once) now that Stripe says how it went. */
  invoice_checkout_id: string | null
  /** A quote's deposit paid in the portal: settle it (once) now that Stripe says how it went. */
  quote_deposit_quote_id: string | null
  /** A booking held for the bank's check whose money Stripe now holds: complete it (once). */
  held_booking_id: string | null
  /** The Stripe customer changed (e.g. its default card in the Dashboard): read it again. */
  refresh: AccountHolderDTO | null
  /** A card was added through our SetupIntent: the line for the customer's activity history. */
  card_added: ActivityEntry | null
}

/**
 * "Saved card added", naming whoever asked for the SetupIntent (its metadata, written by
 * startAddingCardWorkflow): the customer in the portal or a staff member on the customer page.
 */
function cardAddedEntry(intent: VerifiedStripeEvent["object"], cards: SavedCard[]): ActivityEntry | null {
  const metadata = (intent.metadata ?? {}) as Record<string, string | undefined>
  const customerId = metadata.medusa_customer_id
  const card = cards.find((item) => item.id === intent.payment_method)
  if (!customerId || !card) return null
  const actor: ActivityActor =
    metadata.added_by === "staff"
      ? { type: "staff", id: metadata.added_by_id || null, name: metadata.added_by_name || null, email: metadata.added_by_email || null }
      : { type: "customer", id: customerId }
  return { customer_id: customerId, kind: "card_added", message: `Saved card added: ${cardName(card)}.`, data: { card_id: card.id }, actor }
}

const PAYMENT_ACTIONS_TO_PROCESS: string[] = [PaymentActions.AUTHORIZED, PaymentActions.SUCCESSFUL]

/** Decides what the event means for us, reading only. */
const planStripeEventStep = createStep("plan-stripe-event", async (input: HandleStripeEventInput, { container }): Promise<StepResponse<Plan>> => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { event, action } = input
  const plan: Plan = {
    outcome: "nothing to do",
    process_payment: false,
    invoice_checkout_id: null,
    quote_deposit_quote_id: null,
    held_booking_id: null,
    set_default: null,
    refresh: null,
    card_added: null,
  }

  const holderOf = async (stripeCustomerId: unknown): Promise<AccountHolderDTO | null> => {
    if (typeof stripeCustomerId !== "string" || !stripeCustomerId) return null
    const { data } = await query.graph({
      entity: "account_holder",
      fields: ["id", "provider_id", "external_id", "email", "data", "metadata"],
      filters: { provider_id: STRIPE_PROVIDER_ID, external_id: stripeCustomerId },
    })
    return (data[0] as unknown as AccountHolderDTO | undefined) ?? null
  }

  if (event.type.startsWith("payment_intent.")) {
    const metadata = (event.object.metadata as Record<string, unknown> | undefined) ?? {}
    const checkoutId = metadata.invoice_checkout_id
    const depositQuoteId = metadata.quote_acceptance_id ? metadata.quote_id : null
    const settling = [...PAYMENT_ACTIONS_TO_PROCESS, PaymentActions.FAILED].includes(action.action)
    if (typeof checkoutId === "string" && checkoutId) {
      if (!settling) return new StepResponse({ ...plan, outcome: `invoice payment ${action.action}: recorded, nothing to do` })
      return new StepResponse({ ...plan, invoice_checkout_id: checkoutId, outcome: `invoice payment ${action.action}` })
    }
    if (typeof depositQuoteId === "string" && depositQuoteId) {
      if (!settling) return new StepResponse({ ...plan, outcome: `quote deposit ${action.action}: recorded, nothing to do` })
      return new StepResponse({ ...plan, quote_deposit_quote_id: depositQuoteId, outcome: `quote deposit ${action.action}` })
    }
    const sessionId = action.data?.session_id
    if (!sessionId) return new StepResponse({ ...plan, outcome: "not a payment made through Medusa" })
    if (!PAYMENT_ACTIONS_TO_PROCESS.includes(action.action)) {
      // Declines and 3-D Secure requests are answered while the customer books or confirms (the confirm
      // route answers a failed check in words; the expiry job lets go of a hold nobody confirms); like
      // Medusa's own webhook subscriber, other states are only recorded.
      return new StepResponse({ ...plan, outcome: `payment ${action.action}: recorded, nothing to do` })
    }
    const { data: sessions } = await query.graph({ entity: "payment_session", fields: ["id", "payment_collection_id"], filters: { id: sessionId } })
    const session = sessions[0] as { id: string; payment_collection_id: string } | undefined
    if (!session) return new StepResponse({ ...plan, outcome: "payment session no longer exists (the booking was not made)" })
    const { data: carts } = await query.graph({
      entity: "cart_payment_collection",
      fields: ["cart_id"],
      filters: { payment_collection_id: session.payment_collection_id },
    })
    const cartId = (carts[0] as { cart_id?: string } | undefined)?.cart_id
    if (cartId) {
      const { data: orders } = await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })
      if (!orders.length) {
        // A booking held for the bank's check whose customer closed the tab: finished here, under the
        // booking's lock (a booking still being placed holds it too, and is then found confirmed).
        const bookingId = (event.object.metadata as Record<string, unknown> | undefined)?.booking_id
        if (typeof bookingId === "string" && bookingId)
          return new StepResponse({ ...plan, held_booking_id: bookingId, outcome: `booking payment ${action.action}` })
        return new StepResponse({ ...plan, outcome: "the booking is completing its own payment" })
      }
    }
    return new StepResponse({ ...plan, process_payment: true, outcome: `payment ${action.action}` })
  }

  if (event.type === "setup_intent.succeeded") {
    const holder = await holderOf(event.object.customer)
    if (!holder) return new StepResponse({ ...plan, outcome: "not one of our customers" })
    const { stored_default_id, default_card_id, cards } = await cardsOfAccountHolder(container, holder)
    const saved = { ...plan, card_added: cardAddedEntry(event.object, cards) }
    if (stored_default_id || !default_card_id) return new StepResponse({ ...saved, outcome: "card saved" })
    return new StepResponse({ ...saved, set_default: { account_holder: holder, card_id: default_card_id }, outcome: "card saved; default set in Stripe" })
  }

  if (event.type === "customer.updated") {
    const holder = await holderOf(event.object.id)
    if (!holder) return new StepResponse({ ...plan, outcome: "not one of our customers" })
    return new StepResponse({ ...plan, refresh: holder, outcome: "customer read again" })
  }

  // payment_method.detached and the rest: cards are always read from Stripe, so there is nothing to keep in step.
  return new StepResponse(plan)
})

/**
 * The first saved card becomes Stripe's default, unless a default was set since the event was
 * planned (the customer pressing "Make default" while this delivery was late): read again under
 * the same lock as "Make default", so a late event never undoes the customer's choice.
 */
const setStripeDefaultCardStep = createStep("set-stripe-default-card", async (input: { account_holder: AccountHolderDTO; card_id: string }, { container }) => {
  const payments: IPaymentModuleService = container.resolve(Modules.PAYMENT)
  await withDefaultCardLock(container, input.account_holder.id, async () => {
    const refresh: PortalStripeAccountHolderContext & { account_holder: AccountHolderDTO } = { account_holder: input.account_holder, refresh: true }
    const fresh = await payments.updateAccountHolder({ id: input.account_holder.id, provider_id: STRIPE_PROVIDER_ID, context: refresh })
    if (storedDefault(fresh)) return
    const context: PortalStripeAccountHolderContext & { account_holder: AccountHolderDTO } = {
      account_holder: fresh,
      default_payment_method_id: input.card_id,
    }
    await payments.updateAccountHolder({ id: input.account_holder.id, provider_id: STRIPE_PROVIDER_ID, context })
  })
  return new StepResponse(true)
})

const refreshCardAccountHolderStep = createStep("refresh-card-account-holder", async (holder: AccountHolderDTO, { container }) => {
  const payments: IPaymentModuleService = container.resolve(Modules.PAYMENT)
  const context: PortalStripeAccountHolderContext & { account_holder: AccountHolderDTO } = { account_holder: holder, refresh: true }
  await payments.updateAccountHolder({ id: holder.id, provider_id: STRIPE_PROVIDER_ID, context })
  return new StepResponse(true)
})

const markStripeEventProcessedStep = createStep("mark-stripe-event-processed", async (input: { id: string; outcome: string }, { container }) => {
  const events: StripeWebhooksModuleService = container.resolve(STRIPE_WEBHOOKS_MODULE)
  await events.markEventProcessed(input.id, input.outcome)
  return new StepResponse(true)
})

/**
 * One verified Stripe event, handled once however often it is delivered: payment events go to
 * Medusa's processPaymentWorkflow (a capture made in the Stripe Dashboard is recorded on the
 * order), a newly saved card becomes the Stripe customer's default when there was none, and a
 * changed Stripe customer is read again. A second delivery of a handled event changes nothing.
 */
export const handleStripeEventWorkflow = createWorkflow("handle-stripe-event", (input: HandleStripeEventInput) => {
  const claim = claimStripeEventStep(input.event)

  const plan = when("stripe-event-claimed", { claim }, ({ claim }) => claim.claimed).then(() => planStripeEventStep(input))

  when("stripe-payment-event", { plan }, ({ plan }) => !!plan?.process_payment).then(() => {
    processPaymentWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ action: input.action.action, data: input.action.data! })),
    })
  })
  when("stripe-invoice-payment", { plan }, ({ plan }) => !!plan?.invoice_checkout_id).then(() => {
    completeInvoiceCheckoutWorkflow.runAsStep({ input: transform({ plan }, ({ plan }) => ({ checkout_id: plan!.invoice_checkout_id! })) })
  })
  when("stripe-quote-deposit", { plan }, ({ plan }) => !!plan?.quote_deposit_quote_id).then(() => {
    completeQuoteDepositWorkflow.runAsStep({ input: transform({ plan }, ({ plan }) => ({ quote_id: plan!.quote_deposit_quote_id! })) })
  })
  when("stripe-held-booking", { plan }, ({ plan }) => !!plan?.held_booking_id).then(() => {
    confirmBookingPaymentWorkflow.runAsStep({ input: transform({ plan }, ({ plan }) => ({ booking_id: plan!.held_booking_id! })) })
  })
  when("stripe-card-saved", { plan }, ({ plan }) => !!plan?.set_default).then(() => {
    setStripeDefaultCardStep(transform({ plan }, ({ plan }) => plan!.set_default!))
  })
  when("stripe-card-added", { plan }, ({ plan }) => !!plan?.card_added).then(() => {
    recordActivityStep(transform({ plan }, ({ plan }) => [plan!.card_added!]))
  })
  when("stripe-customer-changed", { plan }, ({ plan }) => !!plan?.refresh).then(() => {
    refreshCardAccountHolderStep(transform({ plan }, ({ plan }) => plan!.refresh!))
  })
  when("stripe-event-handled", { plan }, ({ plan }) => !!plan).then(() => {
    markStripeEventProcessedStep(transform({ plan, input }, ({ plan, input }) => ({ id: input.event.id, outcome: plan!.outcome })))
  })

  return new WorkflowResponse(
    transform({ claim, plan }, ({ claim, plan }): StripeEventResult => {
      if (claim.claimed) return { status: "processed", outcome: plan?.outcome ?? null }
      return { status: claim.reason === "processed" ? "duplicate" : "in_progress", outcome: null }
    })
  )
})
