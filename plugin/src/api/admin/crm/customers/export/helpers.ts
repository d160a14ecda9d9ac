import { businessCallingCode } from "../../../../../modules/customer-directory/search-terms"
import type { DirectoryRow } from "../../../../../modules/customer-directory/service"
import { CSV_LIST_SEPARATOR, CUSTOMER_CSV_COLUMNS, type CustomerCsvColumn, customFieldColumn, csvLine } from "../../../../../utils/customer-csv"

/** What the export reads of a customer besides its directory row. */
export type ExportedCustomer = {
  id: string
  email: string
  first_name: string | null
  last_name: string | null
  phone: string | null
  company_name: string | null
  addresses?: ({
    address_1: string | null
    address_2: string | null
    city: string | null
    province: string | null
    postal_code: string | null
    country_code: string | null
    is_default_shipping?: boolean
    created_at?: string | Date
  } | null)[]
  customer_profile?: {
    internal_notes: string | null
    marketing_emails: boolean
    reminder_emails: boolean
    payment_terms_days: number | null
    tax_exempt: boolean
    contact_methods?: ({ kind: string; value: string; normalized: string; is_primary: boolean } | null)[]
  } | null
  business_profiles?: ({ name: string; billing_email: string; tax_id: string | null; created_at?: string | Date } | null)[]
}

export const customerCsvHeader = (customFieldKeys: string[]) => csvLine([...CUSTOMER_CSV_COLUMNS, ...customFieldKeys.map(customFieldColumn)])

const byCreated = <T extends { created_at?: string | Date } | null>(a: T, b: T) =>
  new Date(a?.created_at ?? 0).getTime() - new Date(b?.created_at ?? 0).getTime()

/** A number's digits in international form, so "07700 900123" and "+44 7700 900123" compare equal. */
function internationalDigits(value: string | null | undefined) {
  const digits = (value ?? "").replace(/\D/g, "").replace(/^00/, "")
  return /^0[1-9]/.test(digits) ? businessCallingCode() + digits.slice(1) : digits
}

/** One customer as a CSV line: the default address, the first business profile, extra emails and numbers besides the main ones. */
export function customerCsvRow(customer: ExportedCustomer, row: DirectoryRow, customFieldKeys: string[]): string {
  const addresses = (customer.addresses ?? []).filter((a): a is NonNullable<typeof a> => !!a).sort(byCreated)
  const address = addresses.find((a) => a.is_default_shipping) ?? addresses[0]
  const business = (customer.business_profiles ?? []).filter((b): b is NonNullable<typeof b> => !!b).sort(byCreated)[0]
  const profile = customer.customer_profile
  const methods = (profile?.contact_methods ?? []).filter((m): m is NonNullable<typeof m> => !!m)
  const email = customer.email.toLowerCase()
  const extraEmails = methods.filter((m) => m.kind === "email" && m.normalized !== email).map((m) => m.value)
  const extraPhones = methods.filter((m) => m.kind !== "email" && internationalDigits(m.normalized) !== internationalDigits(customer.phone)).map((m) => m.value)
  const values: Record<CustomerCsvColumn, unknown> = {
    email: customer.email,
    first_name: customer.first_name,
    last_name: customer.last_name,
    phone: customer.phone,
    company_name: customer.company_name,
    kind: row.kind,
    // A deleted customer read back in stays out of the active list rather than coming back to life.
    status: row.status === "deleted" ? "archived" : row.status,
    tags: row.tags.join(CSV_LIST_SEPARATOR),
    additional_emails: extraEmails.join(CSV_LIST_SEPARATOR),
    additional_phones: extraPhones.join(CSV_LIST_SEPARATOR),
    address_1: address?.address_1,
    address_2: address?.address_2,
    city: address?.city,
    province: address?.province,
    postal_code: address?.postal_code,
    country_code: address?.country_code,
    business_name: business?.name,
    business_billing_email: business?.billing_email,
    business_tax_id: business?.tax_id,
    internal_notes: profile?.internal_notes,
    marketing_emails: profile?.marketing_emails,
    reminder_emails: profile?.reminder_emails,
    payment_terms_days: profile?.payment_terms_days,
    tax_exempt: profile?.tax_exempt,
  }
  return csvLine([...CUSTOMER_CSV_COLUMNS.map((column) => values[column]), ...customFieldKeys.map((key) => row.custom_values[key])])
}
