import { BUSINESS_LOCALE, QUOTE_OPEN_STATUSES, QUOTE_STATUS_LABELS, type QuoteStatus, type QuoteSummary } from "@fieldservice/contract"

export { money } from "~/lib/invoices"

export const quoteStatusText = (status: QuoteStatus) => QUOTE_STATUS_LABELS[status]
export const isOpenQuote = (status: QuoteStatus) => QUOTE_OPEN_STATUSES.includes(status)

/** A calendar day (YYYY-MM-DD) as the portal writes dates: "31 January 2027". */
export const dayText = (day: string) =>
  new Intl.DateTimeFormat(BUSINESS_LOCALE, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`))

/** The Quotes page's groups: to answer, accepted, and the rest (declined or expired). */
export function groupQuotes(quotes: QuoteSummary[]) {
  return {
    open: quotes.filter((quote) => isOpenQuote(quote.status)),
    accepted: quotes.filter((quote) => quote.status === "accepted"),
    past: quotes.filter((quote) => quote.status === "declined" || quote.status === "expired"),
  }
}

/** What the customer sees after acting (the page's banner), by the `done` in its address. */
export const DONE_MESSAGES: Record<string, string> = {
  accepted: "Thank you: you accepted this quote. We have let the office know and they will be in touch to book the work.",
  declined: "You declined this quote. We have let the office know; thank you for telling us why.",
  changes_requested: "Your message is with the office. They will send you a revised quote or get in touch.",
  deposit_paid: "Thank you: your deposit is paid.",
  deposit: "Your deposit is not paid yet.",
  booked: "Your visit is booked. We have emailed you the details.",
}
