import { createRequire } from "node:module"
import type { UpdateAccountHolderInput, UpdateAccountHolderOutput } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import StripeProviderService from "@medusajs/payment-stripe/dist/services/stripe-provider"
import type { StripeOptions } from "@medusajs/payment-stripe/dist/types"

/**
 * The Stripe SDK copy the stock provider was written against (its own nested `stripe`, with
 * its pinned API version), not whichever version npm hoisted for other packages.
 */
const Stripe = createRequire(require.resolve("@medusajs/payment-stripe"))("stripe") as new (apiKey: string, config: Record<string, unknown>) => unknown

export const STRIPE_PROVIDER_ID = "pp_stripe_stripe"

export type PortalStripeOptions = StripeOptions & {
  /**
   * Another Stripe-compatible API, e.g. `http://127.0.0.1:12111` for a local fake in tests.
   * Unset: https://api.stripe.com.
   */
  apiBaseUrl?: string
  /** The publishable key (`pk_…`) the admin's card form uses on the customer page ("Add card"). */
  publishableKey?: string
  /** Where the admin loads Stripe.js from; unset: https://js.stripe.com/v3/. */
  jsUrl?: string
}

/**
 * What the portal adds to Medusa's account-holder context for a Stripe customer: the card to
 * make the customer's default, or a request to re-read the customer from Stripe.
 */
export type PortalStripeAccountHolderContext = {
  default_payment_method_id?: string
  refresh?: boolean
}

export const STRIPE_SIGNATURE_INVALID = "stripe_signature_invalid"

/** A Stripe-Signature that doesn't match the webhook secret (or a payload that was changed). */
export class StripeSignatureError extends MedusaError {
  constructor(detail: string) {
    super(MedusaError.Types.INVALID_DATA, `The Stripe-Signature header doesn't match this webhook: ${detail}`, STRIPE_SIGNATURE_INVALID)
  }
}

/** What the plugin calls on Stripe outside a payment flow (deleting an erased customer). */
export type StripeClient = { customers: { del: (id: string) => Promise<unknown> } }

/**
 * A Stripe client as the provider makes one: the same SDK copy, pointed at `apiBaseUrl` when set.
 * Used for what Medusa's payment module can't do atomically, like deleting a customer in Stripe
 * before the erasure's transaction commits.
 */
export function createStripeClient(options: Pick<PortalStripeOptions, "apiKey" | "apiBaseUrl">): StripeClient {
  const config: Record<string, unknown> = { telemetry: false }
  if (options.apiBaseUrl) {
    const url = new URL(options.apiBaseUrl)
    const protocol = url.protocol.replace(":", "") as "http" | "https"
    Object.assign(config, { host: url.hostname, port: url.port || (protocol === "http" ? 80 : 443), protocol })
  }
  return new Stripe(options.apiKey, config) as StripeClient
}

/**
 * Medusa's Stripe provider (`@medusajs/payment-stripe`) with three additions:
 * - `apiBaseUrl` sends the SDK to another host (the tests' local fake of Stripe's API);
 * - `updateAccountHolder` can set the Stripe customer's default card
 *   (`invoice_settings.default_payment_method`) or re-read the customer, which the stock
 *   provider has no call for;
 * - a bad webhook signature is a recognisable error, so our webhook route can answer 400.
 * Same identifier as the stock provider: the provider id stays `pp_stripe_stripe`.
 */
export class PortalStripeProviderService extends StripeProviderService {
  static identifier = "stripe"

  static validateOptions(options: PortalStripeOptions): void {
    StripeProviderService.validateOptions(options)
    if (options.apiBaseUrl !== undefined && (typeof options.apiBaseUrl !== "string" || !URL.canParse(options.apiBaseUrl))) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Stripe provider: apiBaseUrl must be a URL, got ${JSON.stringify(options.apiBaseUrl)}`)
    }
  }

  constructor(cradle: Record<string, unknown>, options: PortalStripeOptions) {
    super(cradle, options)
    if (options.apiBaseUrl) this.stripe_ = createStripeClient(options) as typeof this.stripe_
  }

  async updateAccountHolder(input: UpdateAccountHolderInput): Promise<UpdateAccountHolderOutput> {
    const context = input.context as UpdateAccountHolderInput["context"] & PortalStripeAccountHolderContext
    const customerId = context.account_holder?.data?.id as string | undefined
    if (customerId && context.default_payment_method_id) {
      const customer = await this.stripe_.customers.update(
        customerId,
        { invoice_settings: { default_payment_method: context.default_payment_method_id } },
        { idempotencyKey: context.idempotency_key }
      )
      return { data: customer as unknown as Record<string, unknown> }
    }
    if (customerId && context.refresh) {
      const customer = await this.stripe_.customers.retrieve(customerId)
      return { data: customer as unknown as Record<string, unknown> }
    }
    return super.updateAccountHolder(input)
  }

  constructWebhookEvent(data: Parameters<StripeProviderService["constructWebhookEvent"]>[0]) {
    const signature = data.headers["stripe-signature"]
    try {
      return this.stripe_.webhooks.constructEvent(data.rawData as string | Buffer, signature as string, this.options_.webhookSecret)
    } catch (error) {
      throw new StripeSignatureError(error instanceof Error ? error.message : String(error))
    }
  }
}
