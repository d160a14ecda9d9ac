/**
 * The customer CSV format shared by the directory's export, the import and its template, so an
 * exported file reads straight back in. One row per customer; lists inside a cell are separated
 * by ";"; yes/no columns take "yes"/"no" (also true/false, 1/0 on import). Customer custom fields
 * follow as `custom.<key>` columns (the field's key, which stays stable when its label changes).
 */
export const CUSTOMER_CSV_COLUMNS = [
  "email",
  "first_name",
  "last_name",
  "phone",
  "company_name",
  "kind",
  "status",
  "tags",
  "additional_emails",
  "additional_phones",
  "address_1",
  "address_2",
  "city",
  "province",
  "postal_code",
  "country_code",
  "business_name",
  "business_billing_email",
  "business_tax_id",
  "internal_notes",
  "marketing_emails",
  "reminder_emails",
  "payment_terms_days",
  "tax_exempt",
] as const

export type CustomerCsvColumn = (typeof CUSTOMER_CSV_COLUMNS)[number]

export const CUSTOM_FIELD_COLUMN_PREFIX = "custom."
export const CSV_LIST_SEPARATOR = ";"

export const customFieldColumn = (key: string) => `${CUSTOM_FIELD_COLUMN_PREFIX}${key}`

/** One CSV cell: quoted when it holds a comma, quote or line break; a leading =+-@ is defused for spreadsheets. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ""
  let text = typeof value === "boolean" ? (value ? "yes" : "no") : String(value)
  if (/^[=+\-@\t\r]/.test(text) && !/^[+-]?\d[\d ().-]*$/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** One CSV line (CRLF-terminated, as RFC 4180 and spreadsheets expect). */
export const csvLine = (cells: unknown[]) => cells.map(csvCell).join(",") + "\r\n"
