import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { QUOTE_OPEN_STATUSES, type QuoteStatus } from "@fieldservice/contract"
import { QUOTES_MODULE, type QuoteRow, type QuotesModuleService } from "../../../modules/quotes"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../../modules/portal-access"
import { SERVICES_MODULE, type ServicesModuleService } from "../../../modules/services"
import { localDateOf } from "../../../modules/services/time-zone"
import { loadCustomerQuoteRow } from "../../../queries/quotes"
import { personName } from "../../customer-profile/activity"
import { adminPageUrl } from "../../../utils/admin-links"

/** What the customer is doing to the quote, in the words refusals use. */
export type QuoteAction = "accept" | "decline" | "request changes to"

const CLOSED: Partial<Record<QuoteStatus, string>> = {
  accepted: "This quote was already accepted.",
  declined: "This quote was declined, so it can't be changed now. Ask the office for a new quote.",
  expired: "This quote has expired. Ask the office for a new quote.",
}

const refuse = (message: string, code: string) => new MedusaError(MedusaError.Types.CONFLICT, message, code)

/** Today's date (YYYY-MM-DD) in the business's calendar: a quote is good to the end of its last day there. */
export function businessToday(container: MedusaContainer, now = new Date()): string {
  const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
  const { year, month, day } = localDateOf(now, services.timeZone)
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`
}

/** Why the customer can't act on the quote now (closed, expired, or a newer version was sent); null when they can. */
export function quoteRefusal(quote: QuoteRow, today: string, version?: number): MedusaError | null {
  const status = quote.status as QuoteStatus
  if (!QUOTE_OPEN_STATUSES.includes(status)) return refuse(CLOSED[status] ?? "This quote can't be changed now.", `quote_${status}`)
  if (quote.expires_on && quote.expires_on < today) return refuse(CLOSED.expired as string, "quote_expired")
  if (version !== undefined && version !== quote.current_version) {
    return refuse(
      `A newer version (version ${quote.current_version}) of this quote was sent since you opened it. Read it and accept that one instead.`,
      "quote_superseded"
    )
  }
  return null
}

export type CustomerActionInput = { customer_id: string; quote_id: string; version?: number }

/** The quote as the customer acts on it, with who they are and where the office is emailed. */
export type ActingOn = {
  quote: QuoteRow
  previous_status: string
  customer: { id: string; name: string; email: string | null; phone: string | null }
  office: string | null
  quote_url: string
  /** The quote's page in the admin, for the office's email. */
  admin_url: string
}

/**
 * Loads the customer's quote (anyone else's is not found) and refuses when it is no longer open,
 * has expired in the business's calendar, or the version acted on is not the latest sent one.
 */
export const loadQuoteToActOnStep = createStep("load-quote-to-act-on", async (input: CustomerActionInput, { container }) => {
  const quote = await loadCustomerQuoteRow(container, input.customer_id, input.quote_id)
  const refusal = quoteRefusal(quote, businessToday(container), input.version)
  if (refusal) throw refusal
  return new StepResponse(await actingOn(container, quote))
})

/** The quote with its customer's name and contact, and where the office is emailed. */
export async function actingOn(container: MedusaContainer, quote: QuoteRow): Promise<ActingOn> {
  const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
  const customer = await container.resolve(Modules.CUSTOMER).retrieveCustomer(quote.customer_id)
  return {
    quote,
    previous_status: quote.status,
    customer: { id: customer.id, name: personName(customer) || customer.email, email: customer.email ?? null, phone: customer.phone ?? null },
    office: portal.businessEmail,
    quote_url: portal.portalLink(`/quotes/${quote.id}`),
    admin_url: adminPageUrl(container, `/quotes/${quote.id}`),
  }
}

/**
 * Moves the quote's status, only from the status it was read in (a request racing this one
 * finds it moved and is refused in words); put back if a later step fails.
 */
export const moveQuoteStatusStep = createStep(
  "move-quote-status",
  async (input: { quote_id: string; from: string; to: QuoteStatus; conflict: string; viewed_at?: Date }, { container }) => {
    const quotes: QuotesModuleService = container.resolve(QUOTES_MODULE)
    const before = await quotes.retrieveQuote(input.quote_id, { select: ["id", "status", "viewed_at"] })
    const moved = await quotes.moveQuoteStatus(input.quote_id, [input.from], input.to, input.viewed_at ?? null)
    if (!moved) throw refuse(input.conflict, "quote_changed")
    return new StepResponse({ moved }, { id: input.quote_id, status: before.status, viewed_at: before.viewed_at ?? null })
  },
  async (before, { container }) => {
    if (!before) return
    const quotes: QuotesModuleService = container.resolve(QUOTES_MODULE)
    await quotes.updateQuotes({ id: before.id, status: before.status as QuoteStatus, viewed_at: before.viewed_at })
  }
)

export type QuoteEventInput = {
  quote_id: string
  kind: "viewed" | "accepted" | "declined" | "changes_requested" | "scheduled" | "deposit_paid" | "deposit_failed"
  version: number
  message?: string | null
  /** "customer" (the default), or the staff member's email. */
  actor?: string | null
}

/** A line in the quote's own history (removed again if a later step fails). */
export const recordQuoteEventStep = createStep(
  "record-quote-event",
  async (input: QuoteEventInput, { container }) => {
    const quotes: QuotesModuleService = container.resolve(QUOTES_MODULE)
    const event = await quotes.createQuoteEvents({ ...input, message: input.message ?? null, actor: input.actor === undefined ? "customer" : input.actor })
    return new StepResponse(event, event.id)
  },
  async (id, { container }) => {
    if (!id) return
    const quotes: QuotesModuleService = container.resolve(QUOTES_MODULE)
    await quotes.deleteQuoteEvents([id])
  }
)
