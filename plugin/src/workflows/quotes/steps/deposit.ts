import type { IPaymentModuleService } from "@medusajs/framework/types"
import { MathBN, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { QuoteDepositStatus } from "@fieldservice/contract"
import { QUOTES_MODULE, type QuoteRow, type QuotesModuleService } from "../../../modules/quotes"
import { loadCustomerQuoteRow } from "../../../queries/quotes"
import { declineMessage, settleCardSession, usableSavedCard } from "../../../utils/card-charge"
import { requireCardPayments } from "../../../utils/saved-cards"
import { type ActingOn, actingOn } from "./customer-action"

export type PayQuoteDepositInput = {
  customer_id: string
  quote_id: string
  saved_card_id?: string | null
  payment_method?: string | null
  save_card?: boolean
}

type Card = { brand: string; last4: string }

export type PreparedDeposit = {
  /** False when the deposit is paid, or a payment of it is already under way (a second tab, a double click): nothing is charged again. */
  charge: boolean
  acceptance_id: string
  quote_id: string
  currency_code: string
  amount: string
  payment_method: string
  card: Card | null
  description: string
}

export const DEPOSIT_UNCHANGED = "Nothing was charged; your quote stays accepted. Pay the deposit with another card, or try again later."

/**
 * Checks the deposit can be paid before anything is charged: the customer's own accepted quote
 * (anyone else's is "not found") that asks a deposit, and a card of their own. A deposit paid or
 * being paid is never charged again.
 */
export const prepareQuoteDepositStep = createStep("prepare-quote-deposit", async (input: PayQuoteDepositInput, { container }) => {
  const quote = await loadCustomerQuoteRow(container, input.customer_id, input.quote_id)
  const acceptance = quote.acceptance as (NonNullable<QuoteRow["acceptance"]> & Record<string, unknown>) | null | undefined
  if (!acceptance) throw new MedusaError(MedusaError.Types.CONFLICT, "Accept the quote first: its deposit is paid when you accept it.", "quote_not_accepted")
  const amount = MathBN.convert(acceptance.deposit_amount as never)
  if (!MathBN.gt(amount, 0)) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This quote has no deposit to pay.", "no_deposit")
  const status = acceptance.deposit_status as QuoteDepositStatus
  const underWay = status === "requires_action" || (status === "due" && !!acceptance.deposit_payment_collection_id)
  const base = {
    acceptance_id: acceptance.id,
    quote_id: quote.id,
    currency_code: quote.currency_code,
    amount: amount.toString(),
    description: `Deposit on quote ${quote.number ?? quote.id}: ${quote.title}`.slice(0, 200),
  }
  if (status === "paid" || underWay) return new StepResponse<PreparedDeposit>({ ...base, charge: false, payment_method: "", card: null })
  requireCardPayments(container)
  if (!input.saved_card_id && !input.payment_method) throw new MedusaError(MedusaError.Types.INVALID_DATA, "Choose a card to pay the deposit with.")
  const saved = input.saved_card_id ? await usableSavedCard(container, input.customer_id, input.saved_card_id) : null
  return new StepResponse<PreparedDeposit>({
    ...base,
    charge: true,
    payment_method: saved?.id ?? input.payment_method!,
    card: saved ? { brand: saved.brand, last4: saved.last4 } : null,
  })
})

export type DepositChange = {
  id: string
  deposit_status?: QuoteDepositStatus
  deposit_payment_collection_id?: string
  deposit_payment_intent_id?: string | null
  deposit_medusa_payment_id?: string | null
  deposit_card?: Card | null
  deposit_note?: string | null
  deposit_paid_at?: Date | null
}

/** What became of the deposit's payment (the attempt's Stripe ids, then how it ended). */
export const updateQuoteDepositStep = createStep("update-quote-deposit", async (input: DepositChange, { container }) => {
  const quotes: QuotesModuleService = container.resolve(QUOTES_MODULE)
  const { deposit_card, ...rest } = input
  await quotes.updateQuoteAcceptances(deposit_card === undefined ? rest : { ...rest, deposit_card: deposit_card as Record<string, unknown> | null })
  return new StepResponse({ id: input.id })
})

export type DepositOutcome = {
  outcome: "paid" | "requires_action" | "failed" | "in_progress" | "done"
  acceptance_id: string
  amount: string
  payment_id: string | null
  card: Card | null
  message: string | null
  acting: ActingOn | null
}

/**
 * Asks Stripe how the deposit's latest attempt ended and, when paid, makes Medusa's payment for it.
 * A deposit already settled (paid or failed) is left alone, so the pages, the confirm route and
 * Stripe's webhook may all call this and it is recorded once.
 */
export const settleQuoteDepositStep = createStep("settle-quote-deposit", async (input: { quote_id: string }, { container }) => {
  const quotes: QuotesModuleService = container.resolve(QUOTES_MODULE)
  const [acceptance] = await quotes.listQuoteAcceptances({ quote_id: input.quote_id }, { take: 1 })
  const done: DepositOutcome = {
    outcome: "done",
    acceptance_id: acceptance?.id ?? "",
    amount: acceptance ? MathBN.convert(acceptance.deposit_amount as never).toString() : "0",
    payment_id: null,
    card: (acceptance?.deposit_card as Card | null) ?? null,
    message: null,
    acting: null,
  }
  const open = acceptance && (acceptance.deposit_status === "due" || acceptance.deposit_status === "requires_action")
  if (!open || !acceptance.deposit_payment_collection_id) return new StepResponse(done)
  const payments: IPaymentModuleService = container.resolve(Modules.PAYMENT)
  const [session] = await payments.listPaymentSessions(
    { payment_collection_id: acceptance.deposit_payment_collection_id },
    { order: { created_at: "DESC" }, take: 1 }
  )
  if (!session) return new StepResponse({ ...done, outcome: "in_progress" as const })
  const settled = await settleCardSession(payments, session.id)
  const quote = (await quotes.retrieveQuote(input.quote_id)) as unknown as QuoteRow
  return new StepResponse<DepositOutcome>({
    ...done,
    outcome: settled.outcome,
    payment_id: settled.payment_id,
    card: settled.card ?? done.card,
    message: settled.outcome === "failed" ? declineMessage(settled.data, DEPOSIT_UNCHANGED) : null,
    acting: await actingOn(container, quote),
  })
})
