import type { AccountHolderDTO, IPaymentModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, createPaymentAccountHolderStep, createRemoteLinkStep, releaseLockStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import type { PortalStripeAccountHolderContext } from "../../providers/stripe/service"
import { cardName, requireCardPayments, retrieveOwnSavedCard, STRIPE_PROVIDER_ID, withDefaultCardLock } from "../../utils/saved-cards"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep } from "../customer-profile/steps/record-activity"

const lockKey = (customerId: string) => `saved-cards:${customerId}`

/** A saved-card change: the customer's own (portal) unless `actor` says a staff member made it (customer page). */
export type SavedCardChangeInput = { customer_id: string; card_id: string; actor?: ActivityActor }
export type StartAddingCardInput = { customer_id: string; actor?: ActivityActor }

const whoChanged = (input: { customer_id: string; actor?: ActivityActor }): ActivityActor => input.actor ?? { type: "customer", id: input.customer_id }

/**
 * Who asked for the SetupIntent, kept in its metadata: the card is only added when Stripe's form
 * confirms it, and the setup_intent.succeeded event names this person in the activity history.
 */
export const setupIntentActorMetadata = (input: StartAddingCardInput): Record<string, string> => {
  const actor = whoChanged(input)
  if (actor.type !== "staff") return { added_by: "customer" }
  return { added_by: "staff", added_by_id: actor.id ?? "", added_by_name: actor.name ?? "", added_by_email: actor.email ?? "" }
}

/** "Card payments aren't set up" (400) before anything is written when Stripe isn't configured. */
export const requireCardPaymentsStep = createStep("require-card-payments", async (_: void, { container }) => {
  requireCardPayments(container)
  return new StepResponse(true)
})

type CustomerForHolder = {
  id: string
  email: string
  company_name?: string | null
  first_name?: string | null
  last_name?: string | null
  phone?: string | null
  addresses?: { is_default_billing?: boolean }[]
  account_holders?: (AccountHolderDTO | null)[]
}

/**
 * The customer's Stripe customer (Medusa's payment account holder, linked to the customer),
 * created the way Medusa's createPaymentSessionsWorkflow does it when there is none yet.
 */
export const ensureCardAccountHolderWorkflow = createWorkflow("ensure-card-account-holder", (input: { customer_id: string }) => {
  const { data: customers } = useQueryGraphStep({
    entity: "customer",
    fields: ["id", "email", "company_name", "first_name", "last_name", "phone", "addresses.*", "account_holders.*"],
    filters: { id: input.customer_id },
    options: { throwIfKeyNotFound: true },
  }).config({ name: "get-card-customer" })

  const existing = transform({ customers }, ({ customers }) => {
    const customer = customers[0] as unknown as CustomerForHolder
    return customer.account_holders?.find((holder) => holder?.provider_id === STRIPE_PROVIDER_ID) ?? null
  })

  const created = when("no-card-account-holder-yet", { existing }, ({ existing }) => !existing).then(() => {
    const holder = createPaymentAccountHolderStep(
      transform({ customers }, ({ customers }) => {
        const customer = customers[0] as unknown as CustomerForHolder
        return {
          provider_id: STRIPE_PROVIDER_ID,
          context: {
            customer: {
              ...customer,
              // Stripe keeps the billing address on its customer, as Medusa's own flow does.
              billing_address: customer.addresses?.find((address) => address.is_default_billing) ?? customer.addresses?.[0],
            } as never,
          },
        }
      })
    )
    createRemoteLinkStep(
      transform({ holder, input }, ({ holder, input }) => [
        { [Modules.CUSTOMER]: { customer_id: input.customer_id }, [Modules.PAYMENT]: { account_holder_id: holder.id } },
      ])
    )
    return holder
  })

  return new WorkflowResponse(transform({ existing, created }, ({ existing, created }) => (existing ?? created) as AccountHolderDTO))
})

/**
 * A Stripe SetupIntent for a new card, through Medusa's payment module (`createPaymentMethods`).
 * Only the client secret goes back to the browser, where Stripe's own form sends the card
 * straight to Stripe. The parameters are fixed here: nothing from the request reaches Stripe.
 */
const createCardSetupIntentStep = createStep(
  "create-card-setup-intent",
  async (input: { account_holder: AccountHolderDTO; customer_id: string; metadata: Record<string, string> }, { container }) => {
    const payments: IPaymentModuleService = container.resolve(Modules.PAYMENT)
    const method = await payments.createPaymentMethods({
      provider_id: STRIPE_PROVIDER_ID,
      context: { account_holder: input.account_holder },
      // off_session: the business may charge the card later (e.g. after the visit) without the customer present.
      data: { usage: "off_session", payment_method_types: ["card"], metadata: { medusa_customer_id: input.customer_id, ...input.metadata } },
    })
    const intent = method.data as { id: string; client_secret: string; status: string }
    return new StepResponse({ id: intent.id, client_secret: intent.client_secret, status: intent.status })
  }
)

/** "Add a card": makes sure the customer has a Stripe customer, then starts a SetupIntent. */
export const startAddingCardWorkflow = createWorkflow("start-adding-saved-card", (input: StartAddingCardInput) => {
  requireCardPaymentsStep()
  const key = transform({ input }, ({ input }) => lockKey(input.customer_id))
  // Two "Add a card" clicks at once must not create two Stripe customers.
  acquireLockStep({ key, timeout: 10, ttl: 60 })
  const holder = ensureCardAccountHolderWorkflow.runAsStep({ input: { customer_id: input.customer_id } })
  const intent = createCardSetupIntentStep(
    transform({ holder, input }, ({ holder, input }) => ({
      account_holder: holder,
      customer_id: input.customer_id,
      metadata: setupIntentActorMetadata(input),
    }))
  )
  releaseLockStep({ key })
  return new WorkflowResponse(intent)
})

/** The customer's own card (404 otherwise), with their Stripe customer and current default. */
export const findOwnSavedCardStep = createStep("find-own-saved-card", async (input: SavedCardChangeInput, { container }) => {
  return new StepResponse(await retrieveOwnSavedCard(container, input.customer_id, input.card_id))
})

/**
 * Detaches the card from the customer in Stripe. Stripe can't attach a detached card again, so
 * this is always a workflow's last step.
 */
const detachSavedCardStep = createStep("detach-saved-card", async (input: { account_holder: AccountHolderDTO; card_id: string }, { container }) => {
  const payments: IPaymentModuleService = container.resolve(Modules.PAYMENT)
  await payments.deletePaymentMethods({
    provider_id: STRIPE_PROVIDER_ID,
    id: input.card_id,
    context: { account_holder: input.account_holder },
  })
  return new StepResponse({ id: input.card_id })
})

export const removeSavedCardWorkflow = createWorkflow("remove-saved-card", (input: SavedCardChangeInput) => {
  const found = findOwnSavedCardStep(input)
  recordActivityStep(
    transform({ found, input }, ({ found, input }) => [
      {
        customer_id: input.customer_id,
        kind: "card_removed",
        message: `Saved card removed: ${cardName(found.card)}.`,
        data: { card_id: input.card_id },
        actor: whoChanged(input),
      },
    ])
  )
  const removed = detachSavedCardStep(transform({ found, input }, ({ found, input }) => ({ account_holder: found.account_holder, card_id: input.card_id })))
  return new WorkflowResponse(removed)
})

async function setStripeDefault(payments: IPaymentModuleService, holder: AccountHolderDTO, cardId: string) {
  const context: PortalStripeAccountHolderContext & { account_holder: AccountHolderDTO } = {
    account_holder: holder,
    default_payment_method_id: cardId,
  }
  return payments.updateAccountHolder({ id: holder.id, provider_id: STRIPE_PROVIDER_ID, context })
}

/** The Stripe customer's default card (`invoice_settings.default_payment_method`); put back if a later step fails. */
export const setDefaultCardStep = createStep(
  "set-default-saved-card",
  async (input: { account_holder: AccountHolderDTO; card_id: string; previous_default_id: string | null }, { container }) => {
    const payments: IPaymentModuleService = container.resolve(Modules.PAYMENT)
    const holder = await withDefaultCardLock(container, input.account_holder.id, () => setStripeDefault(payments, input.account_holder, input.card_id))
    return new StepResponse(holder, { account_holder: input.account_holder, previous_default_id: input.previous_default_id })
  },
  async (undo, { container }) => {
    if (!undo?.previous_default_id) return
    const payments: IPaymentModuleService = container.resolve(Modules.PAYMENT)
    await setStripeDefault(payments, undo.account_holder, undo.previous_default_id)
  }
)

export const setDefaultCardWorkflow = createWorkflow("set-default-saved-card", (input: SavedCardChangeInput) => {
  const found = findOwnSavedCardStep(input)
  setDefaultCardStep(
    transform({ found, input }, ({ found, input }) => ({
      account_holder: found.account_holder,
      card_id: input.card_id,
      previous_default_id: found.default_card_id,
    }))
  )
  recordActivityStep(
    transform({ found, input }, ({ found, input }) =>
      found.default_card_id === input.card_id
        ? []
        : [
            {
              customer_id: input.customer_id,
              kind: "card_default_set",
              message: `Default card set to ${cardName(found.card)}.`,
              data: { card_id: input.card_id, previous_default_id: found.default_card_id },
              actor: whoChanged(input),
            },
          ]
    )
  )
  return new WorkflowResponse(transform({ found }, ({ found }) => ({ ...found.card, is_default: true })))
})
