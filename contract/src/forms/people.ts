import { z } from "zod"
import { contactEmailField, ENTER_EMAIL, EMAIL_WORDING, filledIn, limitedText, patternEmail, PHONE_PATTERN, requiredText, tooLong } from "./fields"

/** An additional contact's name (a tenant, a site manager); the API words "empty" its own way. */
export const additionalContactName = (empty: string) => requiredText(empty).max(100, tooLong(100))
export const additionalContactForm = z.object({ name: additionalContactName("Enter the contact’s name.") })

/** A dependent's name (a pet, a vehicle…). */
export const dependentName = requiredText("Enter a name.").max(100, tooLong(100))
export const dependentForm = z.object({ name: dependentName })

/** Who to ask for on the day, when booking: the API takes each part as optional. */
export const bookingContactName = limitedText(200)
export const bookingContactPhone = limitedText(50)
export const bookingContactForm = z.object({
  name: filledIn("Enter the name we should ask for.", bookingContactName),
  email: contactEmailField,
  phone: bookingContactPhone,
})

/**
 * Who to ask for on the day, changed on a booking. Lengths are refinements here, so the API
 * answers in these words rather than Medusa's "Value for field … too big".
 */
export function bookingContactChangeFields(say: {
  name: { empty: string; tooLong: string }
  email: { invalid: string; tooLong: string }
  phone: { invalid: string; tooLong: string }
}) {
  const within = (max: number) => (text: string) => text.length <= max
  return {
    name: z
      .string()
      .trim()
      .refine((name) => name.length > 0, say.name.empty)
      .refine(within(200), say.name.tooLong),
    email: patternEmail(say.email.invalid).refine(within(200), say.email.tooLong),
    /** Empty or null clears it (null); left out stays undefined. */
    phone: z
      .string()
      .trim()
      .refine(within(50), say.phone.tooLong)
      .nullish()
      .transform((phone) => (phone === undefined ? undefined : phone || null))
      .refine((phone) => !phone || PHONE_PATTERN.test(phone), say.phone.invalid),
  }
}

const changeFields = bookingContactChangeFields({
  name: { empty: "Enter the name of the person we should ask for.", tooLong: tooLong(200) },
  email: { invalid: EMAIL_WORDING, tooLong: tooLong(200) },
  phone: { invalid: "Enter a phone number, like 0117 496 0000.", tooLong: tooLong(50) },
})
export const bookingContactChangeForm = z.object({ ...changeFields, email: filledIn(ENTER_EMAIL, changeFields.email) })
