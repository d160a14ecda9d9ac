/**
 * The business's language and region for dates, times, numbers and money in the portal and its
 * emails ("Thursday 10 December 2026", "£65.00"). One constant, so every page and email agrees;
 * a business elsewhere changes it here and rebuilds.
 */
export const BUSINESS_LOCALE = "en-GB"

/** A day as invoices, statements and their emails print it ("5 December 2026"), in the business's time zone. */
export const formatLongDate = (value: Date | string, timeZone: string) =>
  new Intl.DateTimeFormat(BUSINESS_LOCALE, { day: "numeric", month: "long", year: "numeric", timeZone }).format(new Date(value))
