/** Business profiles: the form's fields, countries and how a profile is shown. Shared by server and browser. */

import { text } from "~/lib/forms"
import { DEFAULT_COUNTRY, type StoreBusinessProfile as BusinessProfile, type StoreCreateBusinessProfile as BusinessProfileInput } from "@fieldservice/contract"

export type BusinessProfileField = keyof BusinessProfileInput

/** Every field as a string, as the form edits it. */
export type BusinessProfileValues = Record<BusinessProfileField, string>

/** The form's labels, in the order the fields are shown. */
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

/** How a field is named inside a sentence ("Postcode is required"). */
const FIELD_NAMES: Record<BusinessProfileField, string> = {
  name: "Business name",
  billing_email: "Billing email",
  tax_id: "Tax ID",
  address_1: "Address",
  address_2: "Address line 2",
  city: "Town or city",
  province: "County or state",
  postal_code: "Postcode",
  country_code: "Country",
}

const FIELDS = Object.keys(BUSINESS_PROFILE_LABELS) as BusinessProfileField[]
const OPTIONAL_FIELDS: ReadonlySet<BusinessProfileField> = new Set(["tax_id", "address_2", "province"])

export const EMPTY_VALUES: BusinessProfileValues = {
  name: "",
  billing_email: "",
  tax_id: "",
  address_1: "",
  address_2: "",
  city: "",
  province: "",
  postal_code: "",
  country_code: DEFAULT_COUNTRY,
}

export function valuesFromProfile(profile: BusinessProfile): BusinessProfileValues {
  return {
    name: profile.name,
    billing_email: profile.billing_email,
    tax_id: profile.tax_id ?? "",
    address_1: profile.address_1,
    address_2: profile.address_2 ?? "",
    city: profile.city,
    province: profile.province ?? "",
    postal_code: profile.postal_code,
    country_code: profile.country_code.toUpperCase(),
  }
}

export function readBusinessProfileForm(form: FormData): BusinessProfileValues {
  const values = { ...EMPTY_VALUES }
  for (const field of FIELDS) values[field] = text(form, field)
  values.country_code = values.country_code.toUpperCase()
  return values
}

/**
 * The request body. The backend checks every field and answers 400 naming the bad one;
 * empty optional fields are sent as null so an edit can clear them.
 */
export function toBusinessProfileInput(values: BusinessProfileValues): BusinessProfileInput {
  const input = {} as Record<BusinessProfileField, string | null>
  for (const field of FIELDS) {
    input[field] = OPTIONAL_FIELDS.has(field) && !values[field] ? null : values[field]
  }
  input.country_code = values.country_code.toLowerCase()
  return input as BusinessProfileInput
}

export type BusinessProfileFieldErrors = Partial<Record<BusinessProfileField, string>>

/**
 * The backend's 400 message names the fields by their API names ("billing_email must be a valid
 * email address"; up to three, joined by "; "). Each field named gets that part, in the form's words.
 */
export function fieldErrorsFromMessage(message: string): BusinessProfileFieldErrors {
  const errors: BusinessProfileFieldErrors = {}
  const parts = message.replace(/^Invalid request:\s*/i, "").split(/;\s*/)
  for (const part of parts) {
    // The postcode check speaks to a person already ("ZZ99 9ZZ isn’t a postcode in the United Kingdom…").
    if (/isn’t a postcode in/.test(part)) errors.postal_code ??= part
    for (const field of FIELDS) {
      const named = new RegExp(`(^|[^a-z_])${field}([^a-z_0-9]|$)`, "i")
      if (errors[field] || !named.test(part)) continue
      const sentence = part
        .replace(new RegExp(`(value for )?field '${field}'`, "gi"), FIELD_NAMES[field])
        .replace(new RegExp(`'${field}'`, "g"), FIELD_NAMES[field])
        .replace(new RegExp(`\\b${field}\\b`, "g"), FIELD_NAMES[field])
        .trim()
      const capitalised = sentence.charAt(0).toUpperCase() + sentence.slice(1)
      errors[field] = /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`
    }
  }
  return errors
}
