import { countryName } from "./countries"
import { PROFILE_KIND_LABELS, PROFILE_STATUS_LABELS, type ProfileKind, type ProfileStatus } from "./statuses"

/**
 * A value recorded in a customer's history as staff read it, both in the line's sentence and in
 * "View changes": "Business" for "business", "United Kingdom" for "gb", "new picture" for a
 * picture's address. Null when the value reads well as it is (or is blank).
 */
export function activityValueText(field: string, value: unknown, side: "before" | "after"): string | null {
  if (value === null || value === undefined || value === "") return null
  switch (field) {
    case "kind":
      return PROFILE_KIND_LABELS[value as ProfileKind] ?? null
    case "status":
      return PROFILE_STATUS_LABELS[value as ProfileStatus] ?? null
    case "country_code":
      return typeof value === "string" ? countryName(value) : null
    case "picture_url":
      // A picture's address means nothing to staff (and its file is private).
      return side === "before" ? "earlier picture" : "new picture"
    case "tax_rate_override":
      return `${String(value)}%`
    case "payment_terms_days":
      return Number(value) === 1 ? "1 day" : `${String(value)} days`
    default:
      return null
  }
}
