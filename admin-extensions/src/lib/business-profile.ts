// Business profiles: the companies a customer books for (chosen at booking, printed on invoices),
// served by the plugin's /admin/customers/:id/business-profiles routes.

import {
  DEFAULT_COUNTRY,
  type AdminCreateBusinessProfile as BusinessProfileInput,
  type AdminCustomerProfileBusinessProfile as BusinessProfile,
} from "@fieldservice/contract"

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
