import { z } from "zod"
import { requiredText } from "./fields"

/** The fields every address needs (billing address, saved locations, a booking's new location). */
export const addressForm = z.object({
  address_1: requiredText("Enter the first line of the address."),
  city: requiredText("Enter the town or city."),
  postal_code: requiredText("Enter the postcode."),
  country_code: z.string().regex(/^[A-Z]{2}$/, "Choose a country."),
})

/** A saved location is an address with a label. */
export const locationLabelField = requiredText("Enter a label, for example Home.")
