/** The support page's content: FAQs and terms. */

import { apiFetch } from "~/lib/api.server"

export type Faq = { id: string; question: string; answer: string; category: string | null; order: number }

export async function listFaqs(): Promise<Faq[]> {
  const { faqs } = await apiFetch<{ faqs: Faq[] }>("/store/content/faqs")
  return faqs
}

export type Terms = {
  id: string
  title: string
  slug: string
  body: string
  version: number | string
  publishedAt: string | null
}

export async function listTerms(): Promise<Terms[]> {
  const { terms } = await apiFetch<{ terms: Terms[] }>("/store/content/terms")
  return terms
}
