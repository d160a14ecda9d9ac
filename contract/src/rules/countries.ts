export const DEFAULT_COUNTRY = "GB"

export type Country = { code: string; name: string }

/** The countries the portal and the admin offer; the value is the two-letter code. */
export const COUNTRIES: ReadonlyArray<Country> = [
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

/** The list, plus the current country if it is one the list doesn't offer (staff may have saved one). */
export function countryOptions(current: string | null | undefined): ReadonlyArray<Country> {
  const upper = current?.toUpperCase()
  if (!upper || COUNTRIES.some((country) => country.code === upper)) return COUNTRIES
  return [...COUNTRIES, { code: upper, name: upper }]
}

export type AddressParts = {
  address_1?: string | null
  address_2?: string | null
  city?: string | null
  province?: string | null
  postal_code?: string | null
  country_code?: string | null
}

/** "1 High Street, Flat 2, Brighton, East Sussex, BN1 1AA, United Kingdom" */
export function formatAddress(address: AddressParts): string {
  return [
    address.address_1,
    address.address_2,
    address.city,
    address.province,
    address.postal_code,
    address.country_code ? countryName(address.country_code) : null,
  ]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(", ")
}
