import type { StoreUnsubscribeRequest, StoreUnsubscribeResponse } from "@fieldservice/contract"
import { apiFetch } from "./api.server"

/** What the email's signed link would turn off (nothing changes). */
export const readUnsubscribe = (link: StoreUnsubscribeRequest) =>
  apiFetch<StoreUnsubscribeResponse>("/store/portal/unsubscribe", { query: { customer: link.customer, kind: link.kind, signature: link.signature } })

/** Turns that kind of email off. */
export const unsubscribe = (link: StoreUnsubscribeRequest) => apiFetch<StoreUnsubscribeResponse>("/store/portal/unsubscribe", { body: link })
