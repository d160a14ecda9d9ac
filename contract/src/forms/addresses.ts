import { z } from "zod"
import { limitedText, requiredText, tooLong } from "./fields"

type RequiredField = "address_1" | "city" | "postal_code"
type AddressField = RequiredField | "address_2" | "province"

/** How each address field is refused: the portal speaks to the customer, the API names the field. */
export type AddressWording = {
  empty: (field: RequiredField) => string
  tooLong: (field: AddressField, max: number) => string
  country: string
}

/**
 * A postal address's parts (billing address, business profiles, a booking's new location):
 * trimmed, with their lengths; empty optional parts become null; the country is a two-letter
 * code, lower-cased.
 */
export function addressFields(say: AddressWording) {
  const required = (field: RequiredField, max: number) => requiredText(say.empty(field)).max(max, say.tooLong(field, max))
  const optional = (field: AddressField, max: number) =>
    z
      .string()
      .trim()
      .max(max, say.tooLong(field, max))
      .nullish()
      .transform((value) => (value ? value : null))
  return {
    address_1: required("address_1", 200),
    address_2: optional("address_2", 200),
    city: required("city", 100),
    province: optional("province", 100),
    postal_code: required("postal_code", 20),
    country_code: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z]{2}$/, say.country),
  }
}

const PORTAL_EMPTY: Record<RequiredField, string> = {
  address_1: "Enter the first line of the address.",
  city: "Enter the town or city.",
  postal_code: "Enter the postcode.",
}

/** The address form's fields (billing address, saved locations, a booking's new location). */
export const addressForm = z.object(
  addressFields({ empty: (field) => PORTAL_EMPTY[field], tooLong: (_field, max) => tooLong(max), country: "Choose a country." })
)

/** A saved location is an address with a label. */
export const locationLabelField = requiredText("Enter a label, for example Home.")

/** The label of a booking's new location; it may be left empty. */
export const newLocationLabel = limitedText(100)
