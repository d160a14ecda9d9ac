// Help content kept in Payload CMS: /store/content/{faqs,terms} and /admin/content/{faqs,terms}[/:id].

/** A Payload document as its Local API returns it (depth 0): numeric id, Payload's own timestamps. */
export type AdminFaq = {
  id: number
  question: string
  answer: string
  category: string
  order: number
  updatedAt: string
  createdAt: string
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
  createdAt: string
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

// The portal reads the same documents the admin does.
export type StoreFaq = AdminFaq
export type StoreTerm = AdminTerm
export type StoreFaqListResponse = { faqs: StoreFaq[] }
export type StoreTermListResponse = { terms: StoreTerm[] }

export type ContentCollection = "faqs" | "terms"

export type AdminContentEntry = { faqs: AdminFaq; terms: AdminTerm }
export type AdminContentInput = { faqs: AdminCreateFaq; terms: AdminCreateTerm }

/** GET /admin/content/faqs → `{ faqs }`, GET /admin/content/terms → `{ terms }`. */
export type AdminContentListResponse<C extends ContentCollection> = { [K in C]: AdminContentEntry[K][] }
/** Create and update answer with the entry under its singular name. */
export type AdminFaqResponse = { faq: AdminFaq }
export type AdminTermResponse = { term: AdminTerm }
/** The answer for one entry of either collection: `{ faq }` or `{ term }`. */
export type AdminContentResponse<C extends ContentCollection> = C extends "faqs" ? AdminFaqResponse : AdminTermResponse
export type AdminContentDeleteResponse = { id: number; object: ContentCollection; deleted: true }
