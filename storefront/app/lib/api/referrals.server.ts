import type { StoreCreditBalance, StoreCreditResponse, StoreReferralsResponse } from "@fieldservice/contract"

import { apiFetch } from "~/lib/api/api.server"

/** The customer's invite link (its code made on first visit), what each side gets, and whom they invited. */
export async function getReferrals(token: string): Promise<StoreReferralsResponse> {
  const page = await apiFetch<StoreReferralsResponse>("/store/customers/me/referrals", { token })
  return { ...page, referrals: Array.isArray(page.referrals) ? page.referrals : [] }
}

/** The customer's store credit, one balance per currency. */
export async function getStoreCredit(token: string): Promise<StoreCreditBalance[]> {
  const { store_credit } = await apiFetch<Partial<StoreCreditResponse>>("/store/customers/me/store-credit", { token })
  return Array.isArray(store_credit) ? store_credit : []
}
