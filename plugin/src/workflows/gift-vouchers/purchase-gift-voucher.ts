import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  completeCartWorkflow,
  createCartWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  emitEventStep,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import { chargeNowSessionData } from "../../utils/card-charge"
import { STRIPE_PROVIDER_ID } from "../../utils/saved-cards"
import { formatMoney } from "@fieldservice/contract"
import { relinkAccountHolderStep } from "../booking/steps/relink-account-holder"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { preparePurchaseStep, type PurchaseGiftVoucherInput } from "./steps/prepare-purchase"
import { ensureVoucherProductStep } from "./steps/voucher-product"
import { checkVoucherPaymentStep, createVoucherRecordStep } from "./steps/voucher-record"

export type { PurchaseGiftVoucherInput } from "./steps/prepare-purchase"
export const GIFT_VOUCHER_PURCHASED = "gift_voucher.purchased"
export type GiftVoucherPurchasedEvent = { id: string; card: { brand: string; last4: string } | null }

/**
 * "Buy gift voucher": one line of the gift-card product at the voucher's value goes through
 * Medusa's cart → payment → order, the card charged at once (Stripe, captured automatically).
 * Placing the order makes the loyalty plugin's gift card (code, value, balance); the voucher's
 * own record says for whom and when it is delivered. Under a lock per customer, the same form
 * sent twice (a double click) finds the first voucher and charges nothing again.
 */
export const purchaseGiftVoucherWorkflow = createWorkflow("purchase-gift-voucher", (input: PurchaseGiftVoucherInput) => {
  const lockKey = transform({ input }, ({ input }) => `gift-voucher-purchase:${input.customer_id}`)
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })
  const prepared = preparePurchaseStep(input)

  const bought = when("buy-gift-voucher", { prepared }, ({ prepared }) => !prepared.existing_id).then(() => {
    acquireLockStep({ key: "gift-voucher-product", timeout: 30, ttl: 60 }).config({ name: "lock-voucher-product" })
    const product = ensureVoucherProductStep(
      transform({ input, prepared }, ({ input, prepared }) => ({ sales_channel_id: input.sales_channel_id, currency_code: prepared.currency_code }))
    )
    releaseLockStep({ key: "gift-voucher-product" }).config({ name: "unlock-voucher-product" })
    const cart = createCartWorkflow.runAsStep({
      input: transform({ input, prepared, product }, ({ input, prepared, product }) => ({
        region_id: prepared.region_id,
        sales_channel_id: input.sales_channel_id ?? undefined,
        customer_id: input.customer_id,
        email: prepared.email,
        items: [
          {
            variant_id: product.variant_id,
            title: prepared.title,
            quantity: 1,
            unit_price: prepared.value,
            is_tax_inclusive: false,
            requires_shipping: false,
            metadata: { gift_voucher: true },
          },
        ],
        metadata: { gift_voucher_key: input.idempotency_key },
      })),
    })
    const collection = createPaymentCollectionForCartWorkflow.runAsStep({ input: transform({ cart }, ({ cart }) => ({ cart_id: cart.id })) })
    const holderLockKey = transform({ input }, ({ input }) => `account-holder:${input.customer_id}`)
    acquireLockStep({ key: holderLockKey, timeout: 30, ttl: 60 }).config({ name: "lock-account-holder" })
    relinkAccountHolderStep(transform({ input }, ({ input }) => ({ customer_id: input.customer_id, provider_id: STRIPE_PROVIDER_ID })))
    const session = createPaymentSessionsWorkflow.runAsStep({
      input: transform({ collection, input, prepared }, ({ collection, input, prepared }) => ({
        payment_collection_id: collection.id,
        provider_id: STRIPE_PROVIDER_ID,
        customer_id: input.customer_id,
        data: chargeNowSessionData({
          payment_method: prepared.card!.id,
          description: prepared.title,
          metadata: { gift_voucher_key: input.idempotency_key, medusa_customer_id: input.customer_id },
        }),
      })),
    })
    releaseLockStep({ key: holderLockKey }).config({ name: "unlock-account-holder" })
    checkVoucherPaymentStep(transform({ session }, ({ session }) => ({ status: session.status, data: session.data ?? null })))
    const order = completeCartWorkflow.runAsStep({ input: transform({ cart }, ({ cart }) => ({ id: cart.id })) })
    const voucher = createVoucherRecordStep(
      transform({ input, prepared, order }, ({ input, prepared, order }) => ({ purchase: input, prepared, order_id: order.id }))
    )
    recordActivityStep(
      transform({ input, prepared, voucher }, ({ input, prepared, voucher }) => [
        {
          customer_id: input.customer_id,
          kind: "gift_voucher_bought",
          message: `Bought a ${formatMoney(Number(prepared.value), prepared.currency_code)} gift voucher for ${input.recipient_name} (${input.recipient_email}), sent on ${input.deliver_on}.`,
          data: { gift_voucher_id: voucher.id },
          actor: { type: "customer" as const, id: input.customer_id },
        },
      ])
    )
    emitEventStep({
      eventName: GIFT_VOUCHER_PURCHASED,
      data: transform({ voucher, prepared }, ({ voucher, prepared }): GiftVoucherPurchasedEvent => ({
        id: voucher.id,
        card: prepared.card ? { brand: prepared.card.brand, last4: prepared.card.last4 } : null,
      })),
    })
    return voucher
  })
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(
    transform({ bought, prepared }, ({ bought, prepared }) => ({ id: (bought?.id ?? prepared.existing_id) as string, created: !!bought }))
  )
})
