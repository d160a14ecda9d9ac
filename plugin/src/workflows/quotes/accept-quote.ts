import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { exactAmount } from "../../modules/invoices"
import { QUOTES_MODULE, type QuotesModuleService } from "../../modules/quotes"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { sendAfterCommitStep } from "../notifications/send-after-commit"
import { officeEmail, customerQuoteActivity, quoteLabel, quoteMoney } from "./quote-activity"
import { priceSelection } from "./selection"
import { type ActingOn, loadQuoteToActOnStep, moveQuoteStatusStep, recordQuoteEventStep } from "./steps/customer-action"

export type AcceptQuoteInput = {
  customer_id: string
  quote_id: string
  version: number
  option_id: string
  optional_line_ids: string[]
  signed_name: string
  /** The card for the deposit (paid right after the acceptance is recorded: payQuoteDepositWorkflow). */
  saved_card_id?: string | null
  payment_method?: string | null
  save_card?: boolean
  ip?: string | null
  user_agent?: string | null
}

export const ALREADY_ACCEPTED = "This quote was already accepted (perhaps in another tab or by someone else on your account)."

/**
 * Records the customer's yes: the version, option and ticked lines, the typed name, and the totals
 * and deposit worked out here from the version sent (never taken from the browser). One per quote:
 * the database refuses a second, which is answered as "already accepted".
 */
const createQuoteAcceptanceStep = createStep(
  "create-quote-acceptance",
  async ({ acting, input }: { acting: ActingOn; input: AcceptQuoteInput }, { container }) => {
    const quotes: QuotesModuleService = container.resolve(QUOTES_MODULE)
    const priced = priceSelection(acting.quote, input.option_id, input.optional_line_ids)
    try {
      const acceptance = await quotes.createQuoteAcceptances({
        quote_id: acting.quote.id,
        version: acting.quote.current_version,
        option_id: priced.option.id,
        option_title: priced.option.title,
        optional_line_ids: priced.optional_line_ids,
        signed_name: input.signed_name,
        accepted_at: new Date(),
        ip: input.ip ?? null,
        user_agent: input.user_agent?.slice(0, 500) ?? null,
        subtotal: exactAmount(priced.totals.subtotal),
        tax_total: exactAmount(priced.totals.tax_total),
        total: exactAmount(priced.totals.total),
        deposit_amount: exactAmount(priced.deposit),
        deposit_status: MathBN.gt(priced.deposit, 0) ? "due" : "none",
      })
      return new StepResponse(
        { id: acceptance.id, option_title: priced.option.title, total: exactAmount(priced.totals.total), deposit: priced.deposit.toString() },
        acceptance.id
      )
    } catch (error) {
      const [existing] = await quotes.listQuoteAcceptances({ quote_id: acting.quote.id }, { take: 1 })
      if (existing) throw new MedusaError(MedusaError.Types.CONFLICT, ALREADY_ACCEPTED, "quote_accepted")
      throw error
    }
  },
  async (id, { container }) => {
    if (!id) return
    const quotes: QuotesModuleService = container.resolve(QUOTES_MODULE)
    await quotes.deleteQuoteAcceptances([id])
  }
)

/** The customer accepts a sent quote in the portal: checked, recorded once, the office told. */
export const acceptQuoteWorkflow = createWorkflow("accept-quote", (input: AcceptQuoteInput) => {
  const lockKey = transform({ input }, ({ input }) => `quote:${input.quote_id}`)
  acquireLockStep({ key: lockKey, timeout: 10, ttl: 30 })
  const acting = loadQuoteToActOnStep(
    transform({ input }, ({ input }) => ({ customer_id: input.customer_id, quote_id: input.quote_id, version: input.version }))
  )
  const acceptance = createQuoteAcceptanceStep({ acting, input })
  moveQuoteStatusStep(
    transform({ acting }, ({ acting }) => ({ quote_id: acting.quote.id, from: acting.previous_status, to: "accepted" as const, conflict: ALREADY_ACCEPTED }))
  )
  recordQuoteEventStep(transform({ acting }, ({ acting }) => ({ quote_id: acting.quote.id, kind: "accepted" as const, version: acting.quote.current_version })))
  const summary = transform({ acting, acceptance, input }, ({ acting, acceptance, input }) => {
    const deposit = Number(acceptance.deposit) > 0 ? `; deposit ${quoteMoney(acting.quote, acceptance.deposit)} due` : ""
    return `${quoteLabel(acting.quote)} accepted: "${acceptance.option_title}", ${quoteMoney(acting.quote, acceptance.total)}${deposit}. Signed by ${input.signed_name}.`
  })
  recordActivityStep(
    transform({ acting, summary, acceptance }, ({ acting, summary, acceptance }) =>
      customerQuoteActivity(acting.quote, "quote_accepted", summary, { option: acceptance.option_title, total: Number(acceptance.total) })
    )
  )
  sendAfterCommitStep(transform({ acting, summary }, ({ acting, summary }) => officeEmail(acting, "quote.accepted", summary)))
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(acceptance)
})
