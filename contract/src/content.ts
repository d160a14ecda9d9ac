// Help content kept in Payload CMS: /store/content/{faqs,terms} and /admin/content/{faqs,terms}[/:id].

export type StoreFaq = { id: string; question: string; answer: string; category: string | null; order: number }

export type StoreTerm = {
  id: string
  title: string
  slug: string
  body: string
  version: number | string
  publishedAt: string | null
}
export type StoreFaqListResponse = { faqs: StoreFaq[] }
export type StoreTermListResponse = { terms: StoreTerm[] }

// Help content (FAQs and terms) served by the plugin's /admin/content routes, which keep it in Payload CMS.

export type AdminFaq = {
  id: number
  question: string
  answer: string
  category: string
  order: number
  updatedAt: string
}

export type AdminTerm = {
  id: number
  title: string
  slug: string
  body: string
  version: string
  /** ISO date-time. */
  publishedAt: string
  updatedAt: string
}

/** Body of POST /admin/content/faqs; updates take any subset. */
export type AdminCreateFaq = {
  question: string
  answer: string
  category?: string
  order?: number
}

/** Body of POST /admin/content/terms; updates take any subset. */
export type AdminCreateTerm = {
  title: string
  /** lowercase-with-dashes */
  slug: string
  body: string
  version: string
  /** ISO date string. */
  publishedAt: string
}

export type ContentCollection = "faqs" | "terms"

export type AdminContentEntry = { faqs: AdminFaq; terms: AdminTerm }
export type AdminContentInput = { faqs: AdminCreateFaq; terms: AdminCreateTerm }

/** GET /admin/content/faqs → `{ faqs }`, GET /admin/content/terms → `{ terms }`. */
export type AdminContentListResponse<C extends ContentCollection> = { [K in C]: AdminContentEntry[K][] }
/** Create and update answer with the entry under its singular name. */
export type AdminFaqResponse = { faq: AdminFaq }
export type AdminTermResponse = { term: AdminTerm }
export type AdminContentDeleteResponse = { id: number; object: ContentCollection; deleted: true }
