import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { formatLongDate, formatMoney } from "@fieldservice/contract"
import { renderGiftVoucherPdf } from "../documents/gift-voucher-pdf"
import { GIFT_VOUCHERS_MODULE, type GiftVoucherRow, type GiftVouchersModuleService } from "../modules/gift-vouchers"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../modules/portal-access"
import { SERVICES_MODULE, type ServicesModuleService } from "../modules/services"
import { addDays, zonedTime } from "../modules/services/time-zone"
import { giftCardsOf } from "../queries/gift-vouchers"
import { cardName } from "./saved-cards"
import { businessToday } from "../workflows/quotes/quote-content"
import { deliverGiftVoucherWorkflow } from "../workflows/gift-vouchers/deliver-gift-voucher"

/** Each voucher is emailed to its recipient once, whoever asks (the purchase, the job, a retry). */
export const deliveryEmailKey = (voucherId: string) => `gift-voucher-delivery:${voucherId}`

const serviceLines = (voucher: GiftVoucherRow) =>
  (voucher.services ?? []).map((service) =>
    service.option_title && service.option_title !== service.title ? `${service.title} (${service.option_title})` : service.title
  )

export function voucherValueText(voucher: GiftVoucherRow): string {
  const money = formatMoney(Number(voucher.value), voucher.currency_code)
  return voucher.kind === "services" ? `${serviceLines(voucher).join(", ")} (worth ${money})` : money
}

/** The last moment a voucher can be used: the end of the day `months` after its delivery day, in the business's calendar. */
export function voucherExpiry(deliverOn: string, months: number, timeZone: string): Date {
  const [year, month, day] = deliverOn.split("-").map(Number)
  const total = month - 1 + months
  const target = { year: year + Math.floor(total / 12), month: (total % 12) + 1, day: 1 }
  const lastDay = new Date(Date.UTC(target.year, target.month, 0)).getUTCDate()
  return zonedTime(addDays({ ...target, day: Math.min(day, lastDay) }, 1), 0, timeZone)
}

export type DeliveryOutcome = "sent" | "not_due" | "waiting_for_card" | "done_already"

/**
 * On its delivery day (or at once, bought for today) the voucher is emailed to its recipient with
 * the printable PDF, and the buyer is told in their portal. Nothing is sent before the day, before
 * the loyalty plugin has made its gift card, or a second time.
 */
export async function deliverGiftVoucher(container: MedusaContainer, id: string, now = new Date()): Promise<DeliveryOutcome> {
  const vouchers: GiftVouchersModuleService = container.resolve(GIFT_VOUCHERS_MODULE)
  const voucher = (await vouchers.retrieveGiftVoucher(id)) as unknown as GiftVoucherRow
  if (voucher.delivered_at || voucher.disabled_at) return "done_already"
  if (voucher.deliver_on > businessToday(container, now)) return "not_due"
  const card = (await giftCardsOf(container, [voucher])).get(voucher.id)
  if (!card) return "waiting_for_card"

  const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
  const settings = await vouchers.getVoucherSettings()
  const expiresAt = card.expires_at ? new Date(card.expires_at) : voucherExpiry(voucher.deliver_on, settings.validity_months, services.timeZone)
  const { result: marked } = await deliverGiftVoucherWorkflow(container).run({
    input: { voucher_id: voucher.id, gift_card_id: card.id, expires_at: card.expires_at ? null : expiresAt, at: now },
  })
  if (!marked) return "done_already"
  try {
    await sendDeliveryEmails(container, voucher, card.code, expiresAt)
  } catch (error) {
    await vouchers.updateGiftVouchers({ id: voucher.id, delivered_at: null })
    throw error
  }
  return "sent"
}

async function sendDeliveryEmails(container: MedusaContainer, voucher: GiftVoucherRow, code: string, expiresAt: Date) {
  const notifications = container.resolve(Modules.NOTIFICATION)
  const key = deliveryEmailKey(voucher.id)
  if ((await notifications.listNotifications({ idempotency_key: key } as Record<string, unknown>, { take: 1 })).length) return
  const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
  const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
  const buyer = voucher.buyer_customer_id ? await container.resolve(Modules.CUSTOMER).retrieveCustomer(voucher.buyer_customer_id) : null
  const buyerName = [buyer?.first_name, buyer?.last_name].filter(Boolean).join(" ") || portal.businessName
  const valueText = voucherValueText(voucher)
  const expiryText = `Valid until ${formatLongDate(new Date(expiresAt.getTime() - 1), services.timeZone)}.`
  const bookUrl = portal.portalLink(voucher.kind === "services" ? "/services" : "/book")
  const pdf = await renderGiftVoucherPdf({
    business_name: portal.businessName,
    recipient_name: voucher.recipient_name,
    buyer_name: buyerName,
    value_text: voucher.kind === "services" ? formatMoney(Number(voucher.value), voucher.currency_code) : valueText,
    service_lines: serviceLines(voucher),
    code,
    message: voucher.message,
    expiry_text: expiryText,
    book_url: bookUrl,
  })
  const common = { resource_id: voucher.id, resource_type: "gift_voucher", trigger_type: "gift_voucher.delivered" }
  await notifications.createNotifications([
    {
      ...common,
      to: voucher.recipient_email,
      channel: "email",
      template: "gift-voucher-delivery",
      data: {
        recipient_name: voucher.recipient_name,
        buyer_name: buyerName,
        value_text: valueText,
        code,
        message: voucher.message ?? undefined,
        expiry_text: expiryText,
        book_url: bookUrl,
      },
      idempotency_key: key,
      attachments: [{ filename: "gift-voucher.pdf", content: pdf.toString("base64"), content_type: "application/pdf", disposition: "attachment" }],
    },
    ...(buyer
      ? [
          {
            ...common,
            receiver_id: buyer.id,
            to: buyer.id,
            channel: "feed",
            template: "gift-voucher-delivered",
            data: {
              title: "Gift voucher delivered",
              message: `Your gift voucher (${valueText}) was emailed to ${voucher.recipient_name}.`,
              url: `/gift-cards/${voucher.id}`,
            },
            idempotency_key: `${key}:feed`,
          },
        ]
      : []),
  ])
}

/** To the buyer when the voucher is paid: what it is, what was charged, and when it is sent. */
export async function sendVoucherReceipt(container: MedusaContainer, id: string, card: { brand: string; last4: string } | null) {
  const vouchers: GiftVouchersModuleService = container.resolve(GIFT_VOUCHERS_MODULE)
  const voucher = (await vouchers.retrieveGiftVoucher(id)) as unknown as GiftVoucherRow
  if (!voucher.buyer_customer_id) return
  const notifications = container.resolve(Modules.NOTIFICATION)
  const key = `gift-voucher-receipt:${voucher.id}`
  if ((await notifications.listNotifications({ idempotency_key: key } as Record<string, unknown>, { take: 1 })).length) return
  const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
  const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
  const buyer = await container.resolve(Modules.CUSTOMER).retrieveCustomer(voucher.buyer_customer_id)
  const today = businessToday(container)
  const day = formatLongDate(`${voucher.deliver_on}T12:00:00Z`, services.timeZone)
  await notifications.createNotifications({
    receiver_id: buyer.id,
    resource_id: voucher.id,
    resource_type: "gift_voucher",
    trigger_type: "gift_voucher.purchased",
    to: buyer.email,
    channel: "email",
    template: "gift-voucher-receipt",
    data: {
      first_name: buyer.first_name ?? undefined,
      value_text: voucherValueText(voucher),
      amount_text: formatMoney(Number(voucher.value), voucher.currency_code),
      card_text: card ? cardName(card) : "card",
      recipient_name: voucher.recipient_name,
      delivery_text:
        voucher.deliver_on <= today
          ? `We are emailing it to ${voucher.recipient_name} (${voucher.recipient_email}) now.`
          : `We will email it to ${voucher.recipient_name} (${voucher.recipient_email}) on ${day}.`,
      voucher_url: portal.portalLink(`/gift-cards/${voucher.id}`),
    },
    idempotency_key: key,
  })
}
