// Help content (FAQs and terms) served by the plugin's /admin/content routes, which keep it in Payload CMS.

export type Faq = {
  id: number
  question: string
  answer: string
  category: string
  order: number
  updatedAt: string
}

export type Term = {
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
export type FaqInput = {
  question: string
  answer: string
  category?: string
  order?: number
}

/** Body of POST /admin/content/terms; updates take any subset. */
export type TermInput = {
  title: string
  /** lowercase-with-dashes */
  slug: string
  body: string
  version: string
  /** ISO date string. */
  publishedAt: string
}

export type ContentCollection = "faqs" | "terms"

export type ContentEntry = { faqs: Faq; terms: Term }
export type ContentInput = { faqs: FaqInput; terms: TermInput }

/** GET /admin/content/faqs → `{ faqs }`, GET /admin/content/terms → `{ terms }`. */
export type ContentListResponse<C extends ContentCollection> = { [K in C]: ContentEntry[K][] }
/** Create and update answer with the entry under its singular name. */
export type FaqResponse = { faq: Faq }
export type TermResponse = { term: Term }
export type ContentDeleteResponse = { id: number; object: ContentCollection; deleted: true }

export const contentPath = (collection: ContentCollection, id?: number) =>
  id === undefined ? `/admin/content/${collection}` : `/admin/content/${collection}/${id}`

export const contentQueryKey = (collection: ContentCollection) => ["content", collection] as const

// Publication dates are calendar dates. They are kept and shown in UTC, as the portal shows them,
// so the day a staff member picks is the day customers see.

const pad = (value: number) => String(value).padStart(2, "0")

/** An ISO date-time as the value of an `<input type="date">` (YYYY-MM-DD, UTC). */
export function toDateInput(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? "" : date.toISOString().slice(0, 10)
}

/** Today's date (the staff member's calendar) as the value of an `<input type="date">`. */
export function todayDateInput(): string {
  const now = new Date()
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** The value of an `<input type="date">` as an ISO date-time at midnight UTC. */
export function fromDateInput(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new Error("Choose a publication date")
  }
  return `${value}T00:00:00.000Z`
}

export function formatDate(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? "—" : new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" }).format(date)
}
