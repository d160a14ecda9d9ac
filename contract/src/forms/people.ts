import { z } from "zod"
import { emailField, PHONE_PATTERN, requiredText } from "./fields"

/** An additional contact: someone else to ask for (a tenant, a site manager). */
export const additionalContactForm = z.object({ name: requiredText("Enter the contact’s name.") })

/** A dependent (a pet, a vehicle…). */
export const dependentForm = z.object({ name: requiredText("Enter a name.") })

/** Who to ask for on the day, when booking. */
export const bookingContactForm = z.object({
  name: requiredText("Enter the name we should ask for.").max(200, "Use at most 200 characters."),
  email: emailField,
  phone: z.string().max(50, "Use at most 50 characters."),
})

/** Who to ask for on the day, changed on a booking; the phone may be left empty. */
export const bookingContactChangeForm = z.object({
  name: requiredText("Enter the name of the person we should ask for."),
  email: emailField,
  phone: z.string().refine((phone) => phone === "" || PHONE_PATTERN.test(phone), "Enter a phone number, like 0117 496 0000."),
})
