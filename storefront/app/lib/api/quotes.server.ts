import type {
  StoreBookingResponse,
  QuoteAcceptanceForm,
  QuoteDepositPaymentForm,
  QuoteSelectionForm,
  QuoteSummary,
  StoreQuoteLinkResponse,
  StoreQuoteListResponse,
  StoreQuotePriceResponse,
  StoreQuoteResponse,
  Quote,
} from "@fieldservice/contract"

import { apiDownload, apiFetch } from "~/lib/api/api.server"

/** Who opens a quote: the signed-in customer (their token), or the emailed link's one-quote session (its token). */
export type QuoteAccess = { token: string } | { link: string }

/** The quote's API path and credentials for this access. */
function route(access: QuoteAccess, id: string, action = "") {
  const tail = `${encodeURIComponent(id)}${action ? `/${action}` : ""}`
  return "token" in access
    ? { path: `/store/customers/me/quotes/${tail}`, init: { token: access.token } }
    : { path: `/store/portal/quote-link/quotes/${tail}`, init: { headers: { "x-quote-link": access.link } } }
}

export async function listQuotes(token: string): Promise<QuoteSummary[]> {
  const { quotes } = await apiFetch<StoreQuoteListResponse>("/store/customers/me/quotes", { token, query: { limit: "100" } })
  return Array.isArray(quotes) ? quotes : []
}

/** Throws ApiError 404 when the quote isn't the customer's (or the link's). */
export async function getQuote(access: QuoteAccess, id: string): Promise<Quote> {
  const { path, init } = route(access, id)
  return (await apiFetch<StoreQuoteResponse>(path, init)).quote
}

export async function priceQuote(access: QuoteAccess, id: string, selection: QuoteSelectionForm): Promise<StoreQuotePriceResponse> {
  const { path, init } = route(access, id, "price")
  return apiFetch<StoreQuotePriceResponse>(path, { ...init, body: selection })
}

export type QuoteAnswer =
  { intent: "accept"; body: QuoteAcceptanceForm } | { intent: "decline"; body: { reason: string } } | { intent: "request-changes"; body: { message: string } }

/** Accepts, declines or asks for changes; a refusal throws ApiError with the API's words. */
export async function answerQuote(access: QuoteAccess, id: string, answer: QuoteAnswer): Promise<Quote> {
  const { path, init } = route(access, id, answer.intent)
  return (await apiFetch<StoreQuoteResponse>(path, { ...init, body: answer.body })).quote
}

/** A file of the quote, streamed as the API sends it: its PDF ("pdf", the version the customer has) or a photo or PDF on it ("attachments/…"). */
export function downloadQuoteFile(access: QuoteAccess, id: string, file: string): Promise<Response> {
  const { path } = route(access, id, file)
  return "token" in access ? apiDownload(path, access.token, {}) : apiDownload(path, null, {}, { "x-quote-link": access.link })
}

/** The emailed link's token, checked: the quote it opens. Throws ApiError 401 when it is not valid. */
export function openQuoteLink(token: string): Promise<StoreQuoteLinkResponse> {
  return apiFetch<StoreQuoteLinkResponse>("/store/portal/quote-link", { body: { token } })
}

/** "Pay deposit" on an accepted quote; a declined card throws ApiError 402 with Stripe's reason. */
export async function payQuoteDeposit(access: QuoteAccess, id: string, body: QuoteDepositPaymentForm): Promise<Quote> {
  const { path, init } = route(access, id, "deposit")
  return (await apiFetch<StoreQuoteResponse>(path, { ...init, body })).quote
}

/** After the bank's check in the browser: how the deposit ended. */
export async function confirmQuoteDeposit(access: QuoteAccess, id: string): Promise<Quote> {
  const { path, init } = route(access, id, "deposit/confirm")
  return (await apiFetch<StoreQuoteResponse>(path, { ...init, body: {} })).quote
}

/** What booking a visit from an accepted quote sends: the arrival time, how to pay, and where when the quote has no address. */
export type QuoteScheduleInput = { starts_at: string; saved_card_id?: string | null; location?: { address_id: string } }

/**
 * Books the visit from the customer's accepted quote; the booking, and `clientSecret` when the bank
 * wants the customer to confirm the card first. Throws ApiError 409 in words (not accepted, already
 * booked, the time just taken), 400 for a choice that can't be booked.
 */
export async function scheduleQuote(access: QuoteAccess, id: string, input: QuoteScheduleInput) {
  const { path, init } = route(access, id, "schedule")
  const { booking, payment_action } = await apiFetch<StoreBookingResponse>(path, { ...init, body: input })
  return { booking, clientSecret: payment_action?.client_secret ?? null }
}
