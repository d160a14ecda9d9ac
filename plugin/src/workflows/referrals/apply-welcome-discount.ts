import { randomBytes } from "node:crypto"
import { Modules, PromotionActions } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateCartPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { BOOKING_MODULE, type BookingModuleService } from "../../modules/booking"
import { REFERRALS_MODULE, type ReferralsModuleService } from "../../modules/referrals"

export type ApplyWelcomeDiscountInput = { cart_id: string; customer_id: string }

/**
 * The promotion code of the friend's welcome discount when this cart is their first booking (no
 * other booking of theirs that wasn't cancelled), else null. The promotion (Medusa's Promotion
 * module, not automatic, for this customer alone) is made the first time it is needed, from
 * Settings → Referrals as they are then.
 */
export const findWelcomeDiscountStep = createStep("find-welcome-discount", async (input: ApplyWelcomeDiscountInput, { container }) => {
  const referrals: ReferralsModuleService = container.resolve(REFERRALS_MODULE)
  const [referral] = await referrals.listReferrals({ referred_customer_id: input.customer_id, status: "signed_up" }, { take: 1 })
  if (!referral) return new StepResponse(null as string | null)
  const settings = await referrals.getReferralSettings()
  if (!settings.enabled && !referral.promotion_id) return new StepResponse(null as string | null)

  const cart = await container.resolve(Modules.CART).retrieveCart(input.cart_id, { select: ["id", "metadata", "currency_code"] })
  const thisBooking = (cart.metadata as { booking_id?: string } | null)?.booking_id
  const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
  const earlier = await bookings.listBookings({ customer_id: input.customer_id, status: { $ne: "cancelled" } } as never, { select: ["id"] })
  if (earlier.some((booking) => booking.id !== thisBooking)) return new StepResponse(null as string | null)

  const promotions = container.resolve(Modules.PROMOTION)
  if (referral.promotion_id) {
    const [existing] = await promotions.listPromotions({ id: referral.promotion_id }, { select: ["id", "code"] })
    if (existing?.code) return new StepResponse(existing.code as string)
  }
  if (settings.welcome_discount_value <= 0) return new StepResponse(null as string | null)
  const percentage = settings.welcome_discount_type === "percentage"
  const promotion = await promotions.createPromotions({
    code: `WELCOME-${randomBytes(6).toString("hex").toUpperCase()}`,
    type: "standard",
    status: "active",
    is_automatic: false,
    application_method: {
      type: percentage ? "percentage" : "fixed",
      target_type: "order",
      allocation: "across",
      value: settings.welcome_discount_value,
      ...(percentage ? {} : { currency_code: settings.currency_code }),
    },
    rules: [{ attribute: "customer.id", operator: "eq", values: [input.customer_id] }],
  } as never)
  const created = promotion as unknown as { id: string; code: string }
  await referrals.updateReferrals({ id: referral.id, promotion_id: created.id })
  return new StepResponse(created.code)
})

export const applyWelcomeDiscountWorkflowId = "apply-welcome-discount"
/** A referred friend's first booking: their welcome discount on its cart, before it is priced or paid. */
export const applyWelcomeDiscountWorkflow = createWorkflow(applyWelcomeDiscountWorkflowId, (input: ApplyWelcomeDiscountInput) => {
  const code = findWelcomeDiscountStep(input)
  when({ code }, ({ code }) => !!code).then(() =>
    updateCartPromotionsWorkflow.runAsStep({
      input: transform({ code, input }, ({ code, input }) => ({ cart_id: input.cart_id, promo_codes: [code as string], action: PromotionActions.ADD })),
    })
  )
  return new WorkflowResponse(code)
})
