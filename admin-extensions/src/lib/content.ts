import type { ContentCollection } from "@fieldservice/contract"

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

/** What the portal renders in an FAQ answer or terms text (the Support page). */
export const RICH_TEXT_HINT =
  "Markdown: a blank line starts a paragraph, **bold**, - lists, [links](https://…). {{cancellation_policy}}, {{cancellation_cutoff}}, {{reschedule_cutoff}} and {{office_contact}} show the portal settings\u2019 current wording."
