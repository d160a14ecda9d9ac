/** Address forms (billing address, saved locations) and how an address is shown. Shared by server and browser. */

import { text } from "~/lib/forms"
import {
  addressForm,
  DEFAULT_COUNTRY,
  fieldProblems,
  normalizePostcode,
  postcodeProblem,
  type StoreCustomerAddress as Address,
  type CustomerAddressInput as AddressInput,
} from "@fieldservice/contract"

export type AddressField = "address_1" | "address_2" | "city" | "province" | "postal_code" | "country_code"

/** Every field as a string, as the form edits it. */
export type AddressValues = Record<AddressField, string>

export type AddressFieldErrors = Partial<Record<AddressField | "label", string>>

export const ADDRESS_LABELS: Record<AddressField, string> = {
  address_1: "Address",
  address_2: "Address line 2 (optional)",
  city: "Town or city",
  province: "County or state (optional)",
  postal_code: "Postcode",
  country_code: "Country",
}

const FIELDS = Object.keys(ADDRESS_LABELS) as AddressField[]

export const EMPTY_ADDRESS: AddressValues = {
  address_1: "",
  address_2: "",
  city: "",
  province: "",
  postal_code: "",
  country_code: DEFAULT_COUNTRY,
}

type AddressLike = Pick<Address, "address_1" | "address_2" | "city" | "province" | "postal_code" | "country_code">

export function addressValuesFrom(address: AddressLike | null | undefined): AddressValues {
  if (!address) return { ...EMPTY_ADDRESS }
  return {
    address_1: address.address_1 ?? "",
    address_2: address.address_2 ?? "",
    city: address.city ?? "",
    province: address.province ?? "",
    postal_code: address.postal_code ?? "",
    country_code: (address.country_code || DEFAULT_COUNTRY).toUpperCase(),
  }
}

export function readAddressForm(form: FormData): AddressValues {
  const values = { ...EMPTY_ADDRESS }
  for (const field of FIELDS) values[field] = text(form, field)
  values.country_code = (values.country_code || DEFAULT_COUNTRY).toUpperCase()
  return values
}

/** The fields every address needs; Medusa's own address routes don't insist on them. */
export function addressFieldErrors(values: AddressValues): AddressFieldErrors {
  const problems: AddressFieldErrors = fieldProblems(addressForm, values)
  // The API's check too: a postcode that can't exist in the chosen country.
  const postcode = problems.postal_code ? null : postcodeProblem(values.country_code, values.postal_code)
  return postcode ? { ...problems, postal_code: postcode } : problems
}

/** The request body; empty optional fields are sent as null so an edit can clear them. */
export function toAddressInput(values: AddressValues): AddressInput {
  return {
    address_1: values.address_1,
    address_2: values.address_2 || null,
    city: values.city,
    province: values.province || null,
    postal_code: normalizePostcode(values.country_code, values.postal_code),
    country_code: values.country_code.toLowerCase(),
  }
}
