import type { IPaymentModuleService } from "@medusajs/framework/types"
import { MathBN, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/**
 * A visit booked from a quote whose deposit is paid: the payment asked for (held on the card, or
 * paid on the day) is the order's total less the deposit, which the visit's invoice credits.
 * Nothing to do for any other booking; the amount is put back if a later step fails.
 */
export const leaveOutPaidDepositStep = createStep(
  "leave-out-paid-deposit",
  async (input: { payment_collection_id: string; paid_deposit: string | null }, { container }) => {
    if (!input.paid_deposit || !MathBN.gt(input.paid_deposit, 0)) return new StepResponse(null, null)
    const payments: IPaymentModuleService = container.resolve(Modules.PAYMENT)
    const collection = await payments.retrievePaymentCollection(input.payment_collection_id, { select: ["id", "amount", "raw_amount"] })
    const before = MathBN.convert(((collection as { raw_amount?: unknown }).raw_amount ?? collection.amount) as number).toString()
    const amount = MathBN.max(MathBN.sub(before, input.paid_deposit), 0).toString()
    await payments.updatePaymentCollections(input.payment_collection_id, { amount })
    return new StepResponse(amount, { id: input.payment_collection_id, amount: before })
  },
  async (before, { container }) => {
    if (!before) return
    const payments: IPaymentModuleService = container.resolve(Modules.PAYMENT)
    await payments.updatePaymentCollections(before.id, { amount: before.amount })
  }
)
