import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ErrorResponse, QuoteAcceptanceForm, QuoteDepositPaymentForm, StoreQuoteResponse } from "@fieldservice/contract"
import { MedusaError } from "@medusajs/framework/utils"
import { loadCustomerQuote } from "../../queries/quotes"
import { usableSavedCard } from "../../utils/card-charge"
import { requireCardPayments } from "../../utils/saved-cards"
import { acceptQuoteWorkflow } from "../../workflows/quotes/accept-quote"
import { completeQuoteDepositWorkflow, payQuoteDepositWorkflow } from "../../workflows/quotes/quote-deposit"
import { clientAddress } from "./client-address"
import { answerConflictError } from "./errors"

/**
 * The quote's deposit, for the signed-in customer and the emailed link alike (see quote-routes.ts):
 * accepting with a card, "Pay deposit", and the confirm after the bank's check. The acceptance is
 * recorded first and never waits for the card (docs/decisions/quotes.md, "Deposit").
 */
type CustomerOf = (req: MedusaRequest) => string
type Answer = MedusaResponse<StoreQuoteResponse | ErrorResponse>

const PROVIDER_DOWN = "We couldn't reach our card payment provider just now. Nothing was charged; pay the deposit from this page in a few minutes."

/** Charges the deposit (unless paid or already being paid) and settles it; the quote as it now stands. */
async function payDeposit(req: MedusaRequest, customerId: string, card: QuoteDepositPaymentForm | null) {
  const quote_id = req.params.id
  if (card) await payQuoteDepositWorkflow(req.scope).run({ input: { customer_id: customerId, quote_id, ...card } })
  await completeQuoteDepositWorkflow(req.scope).run({ input: { quote_id } })
  return loadCustomerQuote(req.scope, customerId, quote_id)
}

/** A declined card is 402 with its reason (the quote stays accepted); otherwise the quote. */
function answerDeposit(res: Answer, quote: StoreQuoteResponse["quote"], declinedIsError: boolean) {
  const deposit = quote.acceptance?.deposit
  if (declinedIsError && deposit?.status === "failed") {
    res.status(402).json({ type: "payment_declined", message: deposit.message ?? "The card payment didn't go through.", quote } as ErrorResponse)
    return
  }
  res.json({ quote })
}

/** Our refusals are 4xx in words (409 in ours, not Medusa's); Stripe or the network failing is 502, nothing charged. */
function answerDepositError(req: MedusaRequest, res: Answer, error: unknown, prefix = "") {
  if (answerConflictError(res, error)) return
  if (MedusaError.isMedusaError(error)) throw error
  req.scope.resolve("logger").error(`Quote deposit failed: ${(error as Error)?.message}`)
  res.status(502).json({ type: "card_provider_unavailable", message: `${prefix}${PROVIDER_DOWN}` })
}

const cardOf = (body: Partial<QuoteDepositPaymentForm>): QuoteDepositPaymentForm | null =>
  body.saved_card_id || body.payment_method
    ? { ...(body.saved_card_id ? { saved_card_id: body.saved_card_id } : { payment_method: body.payment_method }), save_card: body.save_card }
    : null

/**
 * Accepts the quote and, with a card chosen, pays its deposit right after. The card is checked
 * (the customer's own, not expired) before anything is written; a decline leaves the quote
 * accepted with the deposit failed, which the page shows with "Pay deposit".
 */
export const quoteAccept = (customerOf: CustomerOf) => async (req: MedusaRequest<QuoteAcceptanceForm>, res: Answer) => {
  const customer_id = customerOf(req)
  const { saved_card_id, payment_method, save_card, ...form } = req.validatedBody
  const card = cardOf({ saved_card_id, payment_method, save_card })
  if (card) requireCardPayments(req.scope)
  if (saved_card_id) await usableSavedCard(req.scope, customer_id, saved_card_id)
  const agent = req.headers["user-agent"]
  const input = { ...form, customer_id, quote_id: req.params.id, ip: clientAddress(req), user_agent: typeof agent === "string" ? agent : null }
  try {
    await acceptQuoteWorkflow(req.scope).run({ input })
  } catch (error) {
    if (answerConflictError(res, error)) return
    throw error
  }
  const accepted = await loadCustomerQuote(req.scope, customer_id, req.params.id)
  if (!card || accepted.acceptance?.deposit?.status !== "due") return void res.json({ quote: accepted })
  try {
    answerDeposit(res, await payDeposit(req, customer_id, card), false)
  } catch (error) {
    answerDepositError(req, res, error, "Your quote is accepted. ")
  }
}

/** "Pay deposit": an accepted quote's deposit, with a saved card or a new one; paid already or under way → charged once. */
export const quoteDepositPay = (customerOf: CustomerOf) => async (req: MedusaRequest<QuoteDepositPaymentForm>, res: Answer) => {
  const customer_id = customerOf(req)
  try {
    answerDeposit(res, await payDeposit(req, customer_id, req.validatedBody), true)
  } catch (error) {
    answerDepositError(req, res, error)
  }
}

/** After the bank's check in the browser: how the deposit ended, recorded once. */
export const quoteDepositConfirm = (customerOf: CustomerOf) => async (req: MedusaRequest, res: Answer) => {
  const customer_id = customerOf(req)
  await loadCustomerQuote(req.scope, customer_id, req.params.id)
  try {
    answerDeposit(res, await payDeposit(req, customer_id, null), true)
  } catch (error) {
    answerDepositError(req, res, error)
  }
}
