import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { ErrorResponse, QuoteSelectionForm, StoreQuotePriceResponse, StoreQuoteResponse } from "@fieldservice/contract"
import { renderQuotePdf } from "../../documents/quote-pdf"
import { SERVICES_MODULE, type ServicesModuleService } from "../../modules/services"
import { loadCustomerQuote, loadCustomerQuoteRow, quoteNotFound } from "../../queries/quotes"
import { openQuoteTokenFor, type QuoteLinkClaims } from "../../utils/quote-links"
import { declineQuoteWorkflow } from "../../workflows/quotes/decline-quote"
import { recordQuoteViewedWorkflow } from "../../workflows/quotes/record-quote-viewed"
import { requestQuoteChangesWorkflow } from "../../workflows/quotes/request-quote-changes"
import { presentPrice, priceSelection } from "../../workflows/quotes/selection"
import { answerConflictError } from "./errors"
import { sendQuoteAttachment } from "./quote-attachments"

/**
 * The customer's quote routes, shared by the signed-in customer (/store/customers/me/quotes/:id…)
 * and the emailed link's restricted session (/store/portal/quote-link/quotes/:id…, one quote only).
 * `customerOf` says whose quote may be reached; anyone else's is "not found".
 */
type CustomerOf = (req: MedusaRequest) => string

/** The header the portal sends the emailed link's token in (never in the address, which is logged). */
export const QUOTE_LINK_HEADER = "x-quote-link"

type WithQuoteLink = MedusaRequest & { quote_link?: QuoteLinkClaims }

/** The emailed link's session: the token names one quote and its customer; a bad or old token is 401. */
export function quoteLinkAccess(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const token = req.headers[QUOTE_LINK_HEADER]
  const claims = typeof token === "string" ? openQuoteTokenFor(req.scope, token) : null
  if (!claims) {
    res.status(401).json({ type: "unauthorized", message: "This quote link is not valid or has expired. Ask the office to send the quote again." })
    return
  }
  ;(req as WithQuoteLink).quote_link = claims
  next()
}

/** The customer the link was sent to, for the quote it names only. */
export const linkCustomer: CustomerOf = (req) => {
  const claims = (req as WithQuoteLink).quote_link
  if (!claims || claims.quote_id !== req.params.id) throw quoteNotFound(req.params.id)
  return claims.customer_id
}

/** The latest sent version; the first read of a sent quote records "viewed". */
export const quoteDetail = (customerOf: CustomerOf) => async (req: MedusaRequest, res: MedusaResponse<StoreQuoteResponse>) => {
  const customerId = customerOf(req)
  const row = await loadCustomerQuoteRow(req.scope, customerId, req.params.id)
  if (row.status !== "sent") return void res.json({ quote: await loadCustomerQuote(req.scope, customerId, row.id) })
  await recordQuoteViewedWorkflow(req.scope).run({
    input: { id: row.id, number: row.number, title: row.title, customer_id: row.customer_id, current_version: row.current_version },
  })
  res.json({ quote: await loadCustomerQuote(req.scope, customerId, row.id) })
}

/** The totals and deposit of an option with the optional lines ticked (the page's totals without a reload). */
export const quotePrice = (customerOf: CustomerOf) => async (req: MedusaRequest<QuoteSelectionForm>, res: MedusaResponse<StoreQuotePriceResponse>) => {
  const row = await loadCustomerQuoteRow(req.scope, customerOf(req), req.params.id)
  const { option_id, optional_line_ids } = req.validatedBody
  res.json(presentPrice(priceSelection(row, option_id, optional_line_ids)))
}

/** Runs a customer's action and answers with the quote as it now stands; refusals are 4xx in words. */
async function act(req: MedusaRequest, res: MedusaResponse<StoreQuoteResponse | ErrorResponse>, customerId: string, run: () => Promise<unknown>) {
  try {
    await run()
  } catch (error) {
    if (answerConflictError(res, error)) return
    throw error
  }
  res.json({ quote: await loadCustomerQuote(req.scope, customerId, req.params.id) })
}

export const quoteDecline =
  (customerOf: CustomerOf) => async (req: MedusaRequest<{ reason: string }>, res: MedusaResponse<StoreQuoteResponse | ErrorResponse>) => {
    const customer_id = customerOf(req)
    const input = { customer_id, quote_id: req.params.id, message: req.validatedBody.reason }
    await act(req, res, customer_id, () => declineQuoteWorkflow(req.scope).run({ input }))
  }

export const quoteRequestChanges =
  (customerOf: CustomerOf) => async (req: MedusaRequest<{ message: string }>, res: MedusaResponse<StoreQuoteResponse | ErrorResponse>) => {
    const customer_id = customerOf(req)
    const input = { customer_id, quote_id: req.params.id, message: req.validatedBody.message }
    await act(req, res, customer_id, () => requestQuoteChangesWorkflow(req.scope).run({ input }))
  }

/** The signed-in customer (the /store/customers/me routes are authenticated before this runs). */
export const signedInCustomer: CustomerOf = (req) => {
  const id = (req as MedusaRequest & { auth_context?: { actor_id?: string } }).auth_context?.actor_id
  if (!id) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Sign in to see your quotes")
  return id
}

/** The PDF of the version the customer has (the one emailed), the same document staff send. */
export const quotePdf = (customerOf: CustomerOf) => async (req: MedusaRequest, res: MedusaResponse) => {
  const quote = await loadCustomerQuote(req.scope, customerOf(req), req.params.id)
  if (!quote.current) throw quoteNotFound(req.params.id)
  const services: ServicesModuleService = req.scope.resolve(SERVICES_MODULE)
  res.setHeader("Content-Type", "application/pdf")
  res.setHeader("Content-Disposition", `inline; filename="${quote.number ?? "quote"}.pdf"`)
  res.setHeader("Cache-Control", "private, no-store")
  res.send(await renderQuotePdf(quote, quote.current, services.timeZone))
}

/** A photo or PDF of a version the customer was sent (the current one or an earlier one); a draft's is not found. */
export const quoteAttachment = (customerOf: CustomerOf) => async (req: MedusaRequest, res: MedusaResponse) => {
  const row = await loadCustomerQuoteRow(req.scope, customerOf(req), req.params.id)
  await sendQuoteAttachment(req.scope, res, row, req.params.attachment_id, "customer")
}
