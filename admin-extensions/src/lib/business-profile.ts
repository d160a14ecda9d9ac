// Business profiles: the companies a customer books for (chosen at booking, printed on invoices),
// served by the plugin's /admin/customers/:id/business-profiles routes.

export type BusinessProfile = {
  id: string
  customer_id: string
  name: string
  billing_email: string
  tax_id: string | null
  address_1: string
  address_2: string | null
  city: string
  province: string | null
  postal_code: string
  /** Lowercase, e.g. "gb". */
  country_code: string
  created_at: string
  updated_at: string
}

/** Body of POST /admin/customers/:id/business-profiles; updates take any subset. Optional fields clear with null. */
export type BusinessProfileInput = {
  name: string
  billing_email: string
  tax_id: string | null
  address_1: string
  address_2: string | null
  city: string
  province: string | null
  postal_code: string
  /** Two letters; the API stores it lowercase. */
  country_code: string
}

/** GET /admin/customers/:id/business-profiles (the customer page reads them from the profile instead). */
export type BusinessProfileListResponse = { business_profiles: BusinessProfile[] }
/** Create and update answer with the profile. */
export type BusinessProfileResponse = { business_profile: BusinessProfile }
export type BusinessProfileDeleteResponse = { id: string; deleted: true }

export const businessProfilesPath = (customerId: string, id?: string) =>
  id === undefined ? `/admin/customers/${customerId}/business-profiles` : `/admin/customers/${customerId}/business-profiles/${id}`

export type BusinessProfileField = keyof BusinessProfileInput
/** Form state: every field is edited as a string. */
export type BusinessProfileForm = Record<BusinessProfileField, string>

/** The form's labels, in the order the fields are shown; the same as the customer portal's. */
export const BUSINESS_PROFILE_LABELS: Record<BusinessProfileField, string> = {
  name: "Business name",
  billing_email: "Billing email",
  tax_id: "Tax ID (optional)",
  address_1: "Address",
  address_2: "Address line 2 (optional)",
  city: "Town or city",
  province: "County or state (optional)",
  postal_code: "Postcode",
  country_code: "Country",
}

const OPTIONAL_FIELDS: ReadonlySet<BusinessProfileField> = new Set(["tax_id", "address_2", "province"])

export const DEFAULT_COUNTRY = "GB"

/** The countries the portal offers; the value is the two-letter code. */
export const COUNTRIES: ReadonlyArray<{ code: string; name: string }> = [
  { code: "GB", name: "United Kingdom" },
  { code: "IE", name: "Ireland" },
  { code: "FR", name: "France" },
  { code: "DE", name: "Germany" },
  { code: "ES", name: "Spain" },
  { code: "IT", name: "Italy" },
  { code: "NL", name: "Netherlands" },
  { code: "BE", name: "Belgium" },
  { code: "US", name: "United States" },
  { code: "CA", name: "Canada" },
  { code: "AU", name: "Australia" },
  { code: "NZ", name: "New Zealand" },
]

/** "United Kingdom" for "gb"; a code not in the list is shown as the code. */
export function countryName(code: string): string {
  const upper = code.toUpperCase()
  return COUNTRIES.find((country) => country.code === upper)?.name ?? upper
}

/** The list, plus the profile's own country if it is one the list doesn't offer. */
export function countryOptions(current: string): ReadonlyArray<{ code: string; name: string }> {
  const upper = current.toUpperCase()
  if (!upper || COUNTRIES.some((country) => country.code === upper)) return COUNTRIES
  return [...COUNTRIES, { code: upper, name: upper }]
}

/** "1 High Street, Brighton, BN1 1AA, United Kingdom" */
export function formatAddress(profile: BusinessProfile): string {
  return [profile.address_1, profile.address_2, profile.city, profile.province, profile.postal_code, countryName(profile.country_code)]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(", ")
}

export function toForm(profile: BusinessProfile | null): BusinessProfileForm {
  return {
    name: profile?.name ?? "",
    billing_email: profile?.billing_email ?? "",
    tax_id: profile?.tax_id ?? "",
    address_1: profile?.address_1 ?? "",
    address_2: profile?.address_2 ?? "",
    city: profile?.city ?? "",
    province: profile?.province ?? "",
    postal_code: profile?.postal_code ?? "",
    country_code: profile ? profile.country_code.toUpperCase() : DEFAULT_COUNTRY,
  }
}

/**
 * The request body for the given form values. The API checks them and answers 400 naming the
 * bad field; empty optional fields are sent as null, so an edit can clear them.
 */
export function toBody(values: Partial<BusinessProfileForm>): Partial<BusinessProfileInput> {
  const body: Partial<Record<BusinessProfileField, string | null>> = {}
  for (const [field, raw] of Object.entries(values) as [BusinessProfileField, string | undefined][]) {
    if (raw === undefined) continue
    const value = raw.trim()
    body[field] = OPTIONAL_FIELDS.has(field) && !value ? null : field === "country_code" ? value.toLowerCase() : value
  }
  return body as Partial<BusinessProfileInput>
}
