/** The support page's content: FAQs and terms. */

import { apiFetch } from "~/lib/api/api.server"
import type { StoreFaq as Faq, StoreFaqListResponse, StoreTerm as Terms, StoreTermListResponse } from "@fieldservice/contract"

export async function listFaqs(): Promise<Faq[]> {
  const { faqs } = await apiFetch<StoreFaqListResponse>("/store/content/faqs")
  return faqs
}

export async function listTerms(): Promise<Terms[]> {
  const { terms } = await apiFetch<StoreTermListResponse>("/store/content/terms")
  return terms
}
