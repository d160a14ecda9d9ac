import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, createPaymentCollectionsStep, createPaymentSessionsWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { cardName, STRIPE_PROVIDER_ID } from "../../utils/saved-cards"
import { chargeNowSessionData } from "../../utils/card-charge"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { sendAfterCommitStep } from "../notifications/send-after-commit"
import { customerQuoteActivity, officeEmail, quoteLabel, quoteMoney } from "./quote-activity"
import { recordQuoteEventStep } from "./steps/customer-action"
import { type DepositOutcome, type PayQuoteDepositInput, prepareQuoteDepositStep, settleQuoteDepositStep, updateQuoteDepositStep } from "./steps/deposit"

export type { PayQuoteDepositInput } from "./steps/deposit"

const depositCollection = (prepared: { currency_code: string; amount: string }) => ({ currency_code: prepared.currency_code, amount: prepared.amount })

/** One deposit payment at a time per quote: paying, the confirm route and Stripe's events wait for each other. */
const depositLock = (quoteId: string) => `quote-deposit:${quoteId}`

/**
 * "Pay deposit" (and accepting with a card): the accepted quote's deposit charged through Medusa's
 * payment module and Stripe (a payment collection of its own and a session confirmed at once,
 * captured automatically). Under a lock per quote, a deposit paid or already being paid is never
 * charged again, so two tabs or a double click charge once. How it ended (paid, the bank's check,
 * declined) is completeQuoteDepositWorkflow's, run right after.
 */
export const payQuoteDepositWorkflow = createWorkflow("pay-quote-deposit", (input: PayQuoteDepositInput) => {
  const lockKey = transform({ input }, ({ input }) => depositLock(input.quote_id))
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })
  const prepared = prepareQuoteDepositStep(input)
  when("charge-quote-deposit", { prepared }, ({ prepared }) => prepared.charge).then(() => {
    // A payment collection of the deposit's own (not a cart's), then the Stripe session charging it.
    const collections = createPaymentCollectionsStep(transform({ prepared }, ({ prepared }) => [depositCollection(prepared)]))
    const session = createPaymentSessionsWorkflow.runAsStep({
      input: transform({ collections, prepared, input }, ({ collections, prepared, input }) => ({
        payment_collection_id: collections[0].id,
        provider_id: STRIPE_PROVIDER_ID,
        customer_id: input.customer_id,
        data: chargeNowSessionData({
          payment_method: prepared.payment_method,
          save_card: !!input.save_card && !input.saved_card_id,
          description: prepared.description,
          metadata: { quote_acceptance_id: prepared.acceptance_id, quote_id: prepared.quote_id, medusa_customer_id: input.customer_id },
        }),
      })),
    })
    updateQuoteDepositStep(
      transform({ prepared, collections, session }, ({ prepared, collections, session }) => ({
        id: prepared.acceptance_id,
        deposit_status: session.status === "requires_more" ? ("requires_action" as const) : ("due" as const),
        deposit_payment_collection_id: collections[0].id,
        deposit_payment_intent_id: typeof session.data?.id === "string" ? session.data.id : null,
        deposit_card: prepared.card,
        deposit_note: null,
      }))
    )
  })
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(transform({ prepared }, ({ prepared }) => ({ acceptance_id: prepared.acceptance_id, charged: prepared.charge })))
})

const depositLine = (result: DepositOutcome) => {
  const quote = result.acting!.quote
  const money = quoteMoney(quote, result.amount)
  if (result.outcome === "paid") return `Deposit of ${money} paid on ${quoteLabel(quote)}${result.card ? ` with ${cardName(result.card)}` : ""}.`
  return `Deposit of ${money} on ${quoteLabel(quote)} failed: ${result.message}`
}

/**
 * Finishes the deposit's payment once Stripe has answered: right after paying, after the bank's
 * 3-D Secure check (the confirm route), or when Stripe's event arrives, whichever comes first; a
 * settled deposit is left alone, so it is recorded (history, activity, the office's email) once.
 */
export const completeQuoteDepositWorkflow = createWorkflow("complete-quote-deposit", (input: { quote_id: string }) => {
  const lockKey = transform({ input }, ({ input }) => depositLock(input.quote_id))
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })
  const result = settleQuoteDepositStep(input)

  when("quote-deposit-settled", { result }, ({ result }) => result.outcome === "paid" || result.outcome === "failed").then(() => {
    const paid = transform({ result }, ({ result }) => result.outcome === "paid")
    updateQuoteDepositStep(
      transform({ result, paid }, ({ result, paid }) => ({
        id: result.acceptance_id,
        deposit_status: paid ? ("paid" as const) : ("failed" as const),
        deposit_medusa_payment_id: result.payment_id,
        deposit_card: result.card,
        deposit_note: paid ? null : result.message,
        deposit_paid_at: paid ? new Date() : null,
      }))
    ).config({ name: "record-quote-deposit-outcome" })
    recordQuoteEventStep(
      transform({ result, paid }, ({ result, paid }) => ({
        quote_id: result.acting!.quote.id,
        kind: paid ? ("deposit_paid" as const) : ("deposit_failed" as const),
        version: result.acting!.quote.current_version,
        message: paid ? (result.card ? `${cardName(result.card)}` : null) : result.message,
      }))
    )
    const line = transform({ result }, ({ result }) => depositLine(result))
    recordActivityStep(
      transform({ result, line, paid }, ({ result, line, paid }) =>
        customerQuoteActivity(result.acting!.quote, paid ? "quote_deposit_paid" : "quote_deposit_failed", line, {
          amount: Number(result.amount),
          card: result.card,
        })
      )
    )
    sendAfterCommitStep(
      transform({ result, line, paid }, ({ result, line, paid }) => officeEmail(result.acting!, paid ? "quote.deposit_paid" : "quote.deposit_failed", line))
    )
  })
  when("quote-deposit-check", { result }, ({ result }) => result.outcome === "requires_action").then(() => {
    updateQuoteDepositStep(transform({ result }, ({ result }) => ({ id: result.acceptance_id, deposit_status: "requires_action" as const }))).config({
      name: "hold-quote-deposit-for-check",
    })
  })
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(transform({ result }, ({ result }) => ({ outcome: result.outcome })))
})
