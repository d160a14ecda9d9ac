import { MathBN, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCartWorkflow } from "@medusajs/medusa/core-flows"
import { loadCartPrice } from "../../queries/booking-price"
import { checkStoreCreditForBookingStep, checkVoucherForBookingStep } from "../gift-vouchers/steps/redeem"
import { applyWelcomeDiscountWorkflow } from "../referrals/apply-welcome-discount"
import { type BookingCartChoices, bookingCartInput, checkBookingCartChoices } from "./booking-cart"

export type PreviewBookingPriceInput = BookingCartChoices & {
  sales_channel_id?: string | null
  gift_voucher_code?: string | null
  use_store_credit?: boolean | null
}

export const checkBookingPriceChoicesStepId = "check-booking-price-choices"
/** The same checks as placing the booking (anyone else's location or business profile is "not found"). */
export const checkBookingPriceChoicesStep = createStep(checkBookingPriceChoicesStepId, async (input: PreviewBookingPriceInput, { container }) => {
  const { region } = await checkBookingCartChoices(container, input)
  const customer = await container.resolve(Modules.CUSTOMER).retrieveCustomer(input.customer_id)
  return new StepResponse({ region_id: region.id, currency_code: region.currency_code, email: customer.email })
})

export const pricePreviewCartStepId = "price-preview-cart"
/**
 * Reads the cart's lines, tax and total, then removes the cart: it was only ever a price. If the
 * read fails, createCartWorkflow's own compensation removes it instead.
 */
export const pricePreviewCartStep = createStep(pricePreviewCartStepId, async (cartId: string, { container }) => {
  const price = await loadCartPrice(container, cartId)
  if (!price) throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `The price of cart ${cartId} could not be read`)
  await container.resolve(Modules.CART).deleteCarts(cartId)
  return new StepResponse(price)
})

export const previewBookingPriceWorkflowId = "preview-booking-price"
/**
 * What a booking will cost before it is placed (the review step): the same cart placing it builds
 * (bookingCartInput), priced and taxed by Medusa, read and thrown away, so the preview is the
 * order's price to the penny. Nothing else is written.
 */
export const previewBookingPriceWorkflow = createWorkflow(previewBookingPriceWorkflowId, (input: PreviewBookingPriceInput) => {
  const checked = checkBookingPriceChoicesStep(input)
  const voucher = checkVoucherForBookingStep(
    transform({ input, checked }, ({ input, checked }) => ({
      customer_id: input.customer_id,
      code: input.gift_voucher_code,
      variant_id: input.variant_id,
      currency_code: checked.currency_code,
    }))
  )
  const storeCredit = checkStoreCreditForBookingStep(
    transform({ input, checked }, ({ input, checked }) => ({
      customer_id: input.customer_id,
      currency_code: checked.currency_code,
      use: input.use_store_credit,
    }))
  )
  const cart = createCartWorkflow.runAsStep({
    input: transform({ input, checked }, ({ input, checked }) =>
      bookingCartInput({
        region_id: checked.region_id,
        sales_channel_id: input.sales_channel_id,
        customer_id: input.customer_id,
        email: checked.email,
        variant_id: input.variant_id,
      })
    ),
  })
  // A referred friend's first booking shows their welcome discount, as placing it will apply it.
  applyWelcomeDiscountWorkflow.runAsStep({ input: transform({ cart, input }, ({ cart, input }) => ({ cart_id: cart.id, customer_id: input.customer_id })) })
  const price = pricePreviewCartStep(transform({ cart }, ({ cart }) => cart.id))
  // What the voucher would pay: a service voucher the whole visit, an amount voucher up to its balance.
  return new WorkflowResponse(
    transform({ price, voucher, storeCredit }, ({ price, voucher, storeCredit }) => {
      const paid = !voucher ? MathBN.convert(0) : voucher.kind === "services" ? MathBN.convert(price.total) : MathBN.min(price.total, voucher.balance)
      const credit = storeCredit ? MathBN.max(MathBN.min(MathBN.sub(price.total, paid), storeCredit.balance), 0) : MathBN.convert(0)
      return {
        ...price,
        ...(voucher ? { gift_voucher: paid.toNumber() } : {}),
        ...(credit.gt(0) ? { store_credit: credit.toNumber() } : {}),
      }
    })
  )
})
