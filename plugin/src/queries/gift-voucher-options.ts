import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, QueryContext } from "@medusajs/framework/utils"
import type { GiftVoucherSettings, StoreGiftVoucherOptions } from "@fieldservice/contract"
import { listPortalServices } from "../api/utils/service-response"
import { GIFT_VOUCHERS_MODULE, type GiftVouchersModuleService } from "../modules/gift-vouchers"
import { cardPaymentsConfigured } from "../utils/saved-cards"
import { storeCurrency } from "../workflows/quotes/quote-content"
import { CONTENT_MODULE, type ContentModuleService } from "../modules/content"

/** The Help content entry agreed to before paying (Settings → Help content → Terms). */
export const GIFT_VOUCHER_TERMS_SLUG = "gift-voucher-terms"
/** The delivery day can be chosen up to a year ahead. */
export const MAX_DELIVERY_DAYS = 365

export type SellableService = StoreGiftVoucherOptions["services"][number]

type VariantRow = { id: string; title: string | null; calculated_price?: { calculated_amount: number | null } | null }

/**
 * The service options a voucher can be bought for: the portal's published services (those in
 * Settings → Gift vouchers, or all), each option with its price in the store's currency.
 */
export async function sellableServices(
  container: MedusaContainer,
  salesChannelIds: string[],
  settings: GiftVoucherSettings,
  currencyCode: string
): Promise<SellableService[]> {
  const services = (await listPortalServices(container, salesChannelIds)).filter(
    (service) => service.currency_code === currencyCode && (!settings.service_ids || settings.service_ids.includes(service.id))
  )
  if (!services.length) return []
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "variants.id", "variants.title", "variants.calculated_price.calculated_amount"],
    filters: { id: services.map((service) => service.id) },
    context: { variants: { calculated_price: QueryContext({ currency_code: currencyCode }) } },
  })
  const variants = new Map((data as unknown as { id: string; variants: VariantRow[] }[]).map((product) => [product.id, product.variants ?? []]))
  return services.flatMap((service) =>
    (variants.get(service.id) ?? [])
      .filter((variant) => typeof variant.calculated_price?.calculated_amount === "number")
      .map((variant) => ({
        product_id: service.id,
        handle: service.handle,
        title: service.title,
        variant_id: variant.id,
        option_title: variant.title ?? service.title,
        price: variant.calculated_price!.calculated_amount!,
      }))
  )
}

/** The gift voucher terms as written in Help content; null until the business adds them. */
async function findTerms(container: MedusaContainer, slug: string): Promise<StoreGiftVoucherOptions["terms"]> {
  const content: ContentModuleService = container.resolve(CONTENT_MODULE)
  const entry = (await content.list("terms")).find((term) => term.slug === slug)
  return entry ? { slug: entry.slug, title: entry.title, body: entry.body, version: entry.version } : null
}

/** What the buy page offers, with the terms from Help content. */
export async function giftVoucherOptions(container: MedusaContainer, salesChannelIds: string[]): Promise<StoreGiftVoucherOptions> {
  const vouchers: GiftVouchersModuleService = container.resolve(GIFT_VOUCHERS_MODULE)
  const settings = await vouchers.getVoucherSettings()
  const currency_code = await storeCurrency(container)
  const [services, terms] = await Promise.all([
    sellableServices(container, salesChannelIds, settings, currency_code),
    findTerms(container, GIFT_VOUCHER_TERMS_SLUG),
  ])
  return {
    enabled: settings.enabled,
    currency_code,
    amounts: settings.amounts,
    min_amount: settings.min_amount,
    max_amount: settings.max_amount,
    validity_months: settings.validity_months,
    max_delivery_days: MAX_DELIVERY_DAYS,
    services,
    terms,
    card_payments: cardPaymentsConfigured(container),
  }
}
