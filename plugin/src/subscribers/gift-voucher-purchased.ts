import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { setTimeout as sleep } from "node:timers/promises"
import { deliverGiftVoucher, sendVoucherReceipt } from "../utils/gift-voucher-emails"
import { createVoucherInvoiceWorkflow } from "../workflows/gift-vouchers/voucher-invoice"
import { GIFT_VOUCHER_PURCHASED, type GiftVoucherPurchasedEvent } from "../workflows/gift-vouchers/purchase-gift-voucher"

const TRIES = 20
const PAUSE_MS = 250

/**
 * A paid voucher: the buyer's receipt and invoice, and, bought for today, the recipient's email at once. The
 * loyalty plugin makes the gift card from the same order's `order.placed`, so the delivery waits a
 * few seconds for it; the minute job (gift-voucher-delivery) sends whatever this missed.
 */
export default async function giftVoucherPurchased({ event: { data }, container }: SubscriberArgs<GiftVoucherPurchasedEvent>) {
  await sendVoucherReceipt(container, data.id, data.card)
  // The buyer's invoice (numbered, paid by the card), emailed with its PDF.
  await createVoucherInvoiceWorkflow(container).run({ input: { voucher_id: data.id, card: data.card } })
  for (let attempt = 0; attempt < TRIES; attempt++) {
    if ((await deliverGiftVoucher(container, data.id)) !== "waiting_for_card") return
    await sleep(PAUSE_MS)
  }
}

export const config: SubscriberConfig = { event: GIFT_VOUCHER_PURCHASED }
