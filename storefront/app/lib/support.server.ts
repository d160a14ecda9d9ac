/** The support page's content: FAQs and terms. */

import { apiFetch } from "~/lib/api.server"
import type { StoreFaq as Faq, StoreTerm as Terms } from "@fieldservice/contract"

export async function listFaqs(): Promise<Faq[]> {
  const { faqs } = await apiFetch<{ faqs: Faq[] }>("/store/content/faqs")
  return faqs
}

export async function listTerms(): Promise<Terms[]> {
  const { terms } = await apiFetch<{ terms: Terms[] }>("/store/content/terms")
  return terms
}
