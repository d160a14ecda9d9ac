import type { AccountHolderDTO, ILockingModule, IPaymentModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import type { AdminStripeSettings } from "@fieldservice/contract"
import { type PortalStripeOptions, STRIPE_PROVIDER_ID } from "../providers/stripe/service"

export { STRIPE_PROVIDER_ID }

/** What the portal and a booking keep of a saved card: never the number, only what identifies it to a person. */
export type CardSummary = { id: string; brand: string; last4: string; exp_month: number; exp_year: number }
export type SavedCard = CardSummary & { is_default: boolean }

/** "Visa ending 4242", as the activity history names a card. */
export const cardName = (card: { brand: string; last4: string }) => `${card.brand[0].toUpperCase()}${card.brand.slice(1)} ending ${card.last4}`

type ProviderConfig = { id?: string; resolve?: unknown; options?: Record<string, unknown> }
type ModuleConfig = { key?: string; resolve?: unknown; options?: { providers?: ProviderConfig[] } }

/**
 * Card payments are on when the payment module has a Stripe provider registered with id
 * "stripe" (provider `pp_stripe_stripe`), as medusa-config.ts does when STRIPE_API_KEY is set.
 * Medusa keeps a provider's row enabled after it is taken out of the config, so the config, not
 * the payment_provider table, is what says whether Stripe can be called.
 */
export function cardPaymentsConfigured(container: MedusaContainer): boolean {
  return stripeProviderConfig(container) !== null
}

/** The Stripe provider's entry in the payment module's config (its options: API key, API base), or null. */
export function stripeProviderConfig(container: MedusaContainer): (ProviderConfig & { options?: Record<string, unknown> }) | null {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE) as { modules?: unknown }
  const modules = config.modules
  let payment: ModuleConfig | undefined
  if (Array.isArray(modules)) {
    payment = (modules as ModuleConfig[]).find((module) => module?.key === Modules.PAYMENT || module?.resolve === "@medusajs/medusa/payment")
  } else if (modules && typeof modules === "object") {
    const entry = (modules as Record<string, unknown>)[Modules.PAYMENT]
    payment = entry && typeof entry === "object" ? (entry as ModuleConfig) : undefined
  }
  return (payment?.options?.providers ?? []).find((provider) => provider?.id === "stripe") ?? null
}

/** What the admin's card form needs (GET /admin/portal/stripe): never the secret key. */
export function stripeBrowserSettings(container: MedusaContainer): AdminStripeSettings {
  const options = (stripeProviderConfig(container)?.options ?? {}) as Pick<PortalStripeOptions, "publishableKey" | "jsUrl">
  return {
    card_payments: cardPaymentsConfigured(container),
    publishable_key: options.publishableKey || null,
    js_url: options.jsUrl || "https://js.stripe.com/v3/",
  }
}

export function requireCardPayments(container: MedusaContainer) {
  if (!cardPaymentsConfigured(container)) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Card payments aren't set up. You can pay on the day instead.")
  }
}

/** The customer's Stripe customer (Medusa's payment account holder), if they have one yet. */
export async function findCardAccountHolder(container: MedusaContainer, customerId: string): Promise<AccountHolderDTO | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id", "account_holders.*"], filters: { id: customerId } })
  const customer = data[0] as { account_holders?: (AccountHolderDTO | null)[] } | undefined
  return customer?.account_holders?.find((holder) => holder?.provider_id === STRIPE_PROVIDER_ID) ?? null
}

type StripeCardMethod = {
  id: string
  type?: string
  created?: number
  card?: { brand?: string; last4?: string; exp_month?: number; exp_year?: number }
}

export function cardSummary(method: StripeCardMethod): CardSummary {
  return {
    id: method.id,
    brand: method.card?.brand ?? "unknown",
    last4: method.card?.last4 ?? "",
    exp_month: Number(method.card?.exp_month ?? 0),
    exp_year: Number(method.card?.exp_year ?? 0),
  }
}

/** One change of a Stripe customer's default card at a time (the customer's choice, or a Stripe event's first card). */
export async function withDefaultCardLock<T>(container: MedusaContainer, accountHolderId: string, work: () => Promise<T>): Promise<T> {
  const locking: ILockingModule = container.resolve(Modules.LOCKING)
  return locking.execute(`saved-card-default:${accountHolderId}`, work, { timeout: 30 })
}

/** The card the Stripe customer has as default (`invoice_settings.default_payment_method`), as last read. */
export function storedDefault(holder: AccountHolderDTO): string | null {
  const settings = (holder.data as { invoice_settings?: { default_payment_method?: string | { id: string } | null } })?.invoice_settings
  const value = settings?.default_payment_method
  return typeof value === "string" ? value : (value?.id ?? null)
}

export type SavedCards = {
  enabled: boolean
  cards: SavedCard[]
  default_card_id: string | null
  account_holder: AccountHolderDTO | null
}

/**
 * The customer's saved cards, read from Stripe (the only place they are kept), oldest first.
 * The default is the one set on the Stripe customer; until one is set (or after it was removed)
 * the oldest card is the default, so a first card is the default at once.
 */
export async function listSavedCards(container: MedusaContainer, customerId: string): Promise<SavedCards> {
  if (!cardPaymentsConfigured(container)) return { enabled: false, cards: [], default_card_id: null, account_holder: null }
  const holder = await findCardAccountHolder(container, customerId)
  if (!holder) return { enabled: true, cards: [], default_card_id: null, account_holder: null }
  return { enabled: true, ...(await cardsOfAccountHolder(container, holder)), account_holder: holder }
}

/** The cards of one Stripe customer, oldest first, and which is the default (see listSavedCards). */
export async function cardsOfAccountHolder(container: MedusaContainer, holder: AccountHolderDTO) {
  const payments: IPaymentModuleService = container.resolve(Modules.PAYMENT)
  const methods = await payments.listPaymentMethods({ provider_id: STRIPE_PROVIDER_ID, context: { account_holder: holder } })
  // Stripe lists newest first; reversed and sorted (stably) by creation, cards added in the same second keep their order.
  const cards = methods
    .map((method) => method.data as unknown as StripeCardMethod)
    .filter((method) => method.type === "card")
    .reverse()
    .sort((a, b) => (a.created ?? 0) - (b.created ?? 0))
  const stored = storedDefault(holder)
  const defaultId = cards.some((card) => card.id === stored) ? stored : (cards[0]?.id ?? null)
  return {
    cards: cards.map((card): SavedCard => ({ ...cardSummary(card), is_default: card.id === defaultId })),
    default_card_id: defaultId,
    /** The default set on the Stripe customer, when it is still one of their cards. */
    stored_default_id: cards.some((card) => card.id === stored) ? stored : null,
  }
}

/** One of the customer's own saved cards; anyone else's (or none) is "not found". */
export async function retrieveOwnSavedCard(container: MedusaContainer, customerId: string, cardId: string) {
  requireCardPayments(container)
  const saved = await listSavedCards(container, customerId)
  const card = saved.cards.find((item) => item.id === cardId)
  if (!card || !saved.account_holder) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Saved card ${cardId} was not found`)
  return { card, account_holder: saved.account_holder, default_card_id: saved.default_card_id }
}
