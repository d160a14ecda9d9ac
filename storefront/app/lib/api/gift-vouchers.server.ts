import type {
  GiftVoucherPurchaseForm,
  StoreGiftVoucher,
  StoreGiftVoucherListResponse,
  StoreGiftVoucherOptions,
  StoreGiftVoucherOptionsResponse,
  StoreGiftVoucherResponse,
} from "@fieldservice/contract"

import { ApiError, apiFetch, toProblem, type Problem } from "~/lib/api/api.server"

/** The buy page's options are open to visitors; a customer's vouchers are theirs alone. */
const OPTIONS = "/store/portal/gift-vouchers/options"
const BASE = "/store/customers/me/gift-vouchers"

/** What the buy page offers (amounts, services, terms); no sign-in needed. */
export async function getGiftVoucherOptions(): Promise<StoreGiftVoucherOptions> {
  return (await apiFetch<StoreGiftVoucherOptionsResponse>(OPTIONS)).options
}

/** The customer's vouchers: those they bought and those in their account. */
export async function listGiftVouchers(token: string): Promise<StoreGiftVoucherListResponse> {
  const { bought, held } = await apiFetch<Partial<StoreGiftVoucherListResponse>>(BASE, { token })
  return { bought: Array.isArray(bought) ? bought : [], held: Array.isArray(held) ? held : [] }
}

/** Throws ApiError 404 when the voucher is not the customer's. */
export async function getGiftVoucher(token: string, id: string): Promise<StoreGiftVoucher> {
  return (await apiFetch<StoreGiftVoucherResponse>(`${BASE}/${encodeURIComponent(id)}`, { token })).gift_voucher
}

/** Pays for a voucher with a saved card; the same idempotency key again returns the same voucher, charged once. Refusals throw ApiError with the API's words. */
export async function buyGiftVoucher(token: string, purchase: GiftVoucherPurchaseForm): Promise<StoreGiftVoucher> {
  // The schema turns "no message" into null; the API reads a message as text, so none is left out.
  const body = { ...purchase, message: purchase.message ?? undefined }
  return (await apiFetch<StoreGiftVoucherResponse>(BASE, { token, body })).gift_voucher
}

/** Adds a received voucher to the account: ApiError 404 for no such code, 400 when in another account, 429 after too many tries. */
export async function addGiftVoucher(token: string, code: string): Promise<StoreGiftVoucher> {
  return (await apiFetch<StoreGiftVoucherResponse>(`${BASE}/add`, { token, body: { code } })).gift_voucher
}

/** A refusal in the API's own words, 404s included ("no voucher with that code"); otherwise the portal's usual problem. */
export function voucherProblem(error: unknown): Problem {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500 && typeof error.body.message === "string" && error.body.message.trim()) {
    return { status: error.status, code: error.code, message: error.message, retryAfterSeconds: error.retryAfterSeconds }
  }
  return toProblem(error)
}
