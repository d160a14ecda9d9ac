import type { MedusaContainer } from "@medusajs/framework/types"
import { MathBN, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { formatMoney, type GiftVoucherPurchaseForm, type GiftVoucherService } from "@fieldservice/contract"
import { GIFT_VOUCHERS_MODULE, type GiftVouchersModuleService } from "../../../modules/gift-vouchers"
import { MAX_DELIVERY_DAYS, sellableServices } from "../../../queries/gift-voucher-options"
import { usableSavedCard } from "../../../utils/card-charge"
import { requireCardPayments, type CardSummary } from "../../../utils/saved-cards"
import { businessToday, storeCurrency } from "../../quotes/quote-content"

export type PurchaseGiftVoucherInput = GiftVoucherPurchaseForm & { customer_id: string; sales_channel_id: string | null }

export type PreparedPurchase = {
  /** The same form sent again (a double click): that voucher, nothing charged again. */
  existing_id: string | null
  currency_code: string
  region_id: string
  value: string
  title: string
  services: GiftVoucherService[] | null
  email: string
  card: CardSummary | null
}

const refuse = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/** The delivery day: from today (the business's calendar) to a year ahead. */
export function checkDeliveryDay(day: string, today: string) {
  const parsed = new Date(`${day}T12:00:00Z`)
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day) throw refuse("The delivery day is not a real date")
  if (day < today) throw refuse("The delivery day can't be in the past. Choose today or a later day.")
  const last = new Date(new Date(`${today}T12:00:00Z`).getTime() + MAX_DELIVERY_DAYS * 86_400_000).toISOString().slice(0, 10)
  if (day > last) throw refuse("The delivery day can be at most a year ahead.")
}

async function regionFor(container: MedusaContainer, currencyCode: string): Promise<string> {
  const [region] = await container.resolve(Modules.REGION).listRegions({ currency_code: currencyCode }, { take: 1 })
  if (!region) throw refuse(`Gift vouchers can't be sold in ${currencyCode.toUpperCase()} yet`)
  return region.id
}

/**
 * Everything a purchase depends on, checked before anything is charged: vouchers on sale, the
 * amount within the business's limits or services it sells as vouchers, the delivery day, and a
 * card of the customer's own (anyone else's is "not found").
 */
export const preparePurchaseStep = createStep("prepare-gift-voucher-purchase", async (input: PurchaseGiftVoucherInput, { container }) => {
  const vouchers: GiftVouchersModuleService = container.resolve(GIFT_VOUCHERS_MODULE)
  const [existing] = await vouchers.listGiftVouchers({ buyer_customer_id: input.customer_id, idempotency_key: input.idempotency_key }, { take: 1 })
  const currency_code = await storeCurrency(container)
  const base = { currency_code, region_id: "", value: "0", title: "", services: null, email: "", card: null }
  if (existing) return new StepResponse<PreparedPurchase>({ ...base, existing_id: existing.id })

  const settings = await vouchers.getVoucherSettings()
  if (!settings.enabled) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Gift vouchers aren't sold online at the moment. Please call us.")
  checkDeliveryDay(input.deliver_on, businessToday(container))
  requireCardPayments(container)

  let value: string
  let services: GiftVoucherService[] | null = null
  if (input.kind === "amount") {
    const amount = input.amount!
    const offered = settings.amounts.includes(amount)
    if (!offered && (amount < settings.min_amount || amount > settings.max_amount)) {
      throw refuse(`Choose an amount from ${formatMoney(settings.min_amount, currency_code)} to ${formatMoney(settings.max_amount, currency_code)}.`)
    }
    value = MathBN.convert(amount).toString()
  } else {
    const sellable = await sellableServices(container, input.sales_channel_id ? [input.sales_channel_id] : [], settings, currency_code)
    services = input.service_ids!.map((id) => {
      const service = sellable.find((candidate) => candidate.variant_id === id)
      if (!service) throw refuse("One of the services can't be bought as a voucher any more. Remove it and choose another.")
      return {
        product_id: service.product_id,
        variant_id: service.variant_id,
        title: service.title,
        option_title: service.option_title,
        price: service.price,
        booking_id: null,
      }
    })
    value = services.reduce((sum, service) => MathBN.add(sum, service.price), MathBN.convert(0)).toString()
  }
  if (!MathBN.gt(value, 0)) throw refuse("The voucher must be worth more than nothing.")

  const customer = await container.resolve(Modules.CUSTOMER).retrieveCustomer(input.customer_id)
  const card = await usableSavedCard(container, input.customer_id, input.saved_card_id)
  const title = services ? `Gift voucher: ${services.map((service) => service.title).join(", ")}` : `Gift voucher: ${formatMoney(Number(value), currency_code)}`
  return new StepResponse<PreparedPurchase>({
    existing_id: null,
    currency_code,
    region_id: await regionFor(container, currency_code),
    value,
    title: title.slice(0, 200),
    services,
    email: customer.email,
    card,
  })
})
