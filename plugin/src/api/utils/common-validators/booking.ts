import { z } from "@medusajs/framework/zod"
import { bookingContactChangeFields, checkPostcode, newLocationLabel, withNormalPostcode } from "@fieldservice/contract"
import { addressFields, emptyAsNull } from "./business-profile"

/** Rules of a booking's parts that the portal (placing or changing a booking) and staff (editing one) both check. */

const id = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)

/**
 * Where the visit is: one of the customer's saved locations, or a new address (its postcode
 * checked for its country and written as the business writes it), saved under `label`.
 */
export const BookingLocation = z.union(
  [
    z.object({ address_id: id("address_id") }).strict(),
    z
      .object({ address: z.object(addressFields).strict().superRefine(checkPostcode).transform(withNormalPostcode), label: emptyAsNull(newLocationLabel) })
      .strict(),
  ],
  { error: "location must be a saved location (address_id) or a new address" }
)

// Limits are checked with .refine() so the caller reads our message, not Medusa's "Value for field … too big".
const tooLong = (label: string, max: number) => `${label} must be at most ${max} characters`

/** Text a change may clear: empty or null clears it (null); left out stays undefined, so "not sent" and "cleared" differ. */
export const clearableText = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .refine((text) => text.length <= max, tooLong(label, max))
    .nullish()
    .transform((value) => (value === undefined ? undefined : value || null))

/**
 * Who to reach about the visit. The portal replaces it as a whole (a phone left out is cleared) and
 * its form checks the same fields; staff send only the parts they change (`.partial()`). `shape`
 * is the message when it is not an object of these fields.
 */
export const bookingContactChange = (shape: string) =>
  z
    .object(
      bookingContactChangeFields({
        name: { empty: "Contact name cannot be empty", tooLong: tooLong("Contact name", 200) },
        email: { invalid: "Contact email must be a valid email address, like name@example.com", tooLong: tooLong("Contact email", 200) },
        phone: { invalid: "Contact phone must be a phone number, like 0117 496 0000", tooLong: tooLong("Contact phone", 50) },
      }),
      { error: shape }
    )
    .strict()
