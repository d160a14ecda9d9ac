import { z } from "zod"
import { EMAIL_PATTERN, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../rules/accounts"

/*
 * The rules a portal form and its API route both check, written once: the portal's forms and the
 * plugin's validators are built from these schemas. Medusa answers a refused request in its own
 * words for a missing field, a wrong type or a length ("Value for field 'city' too big…"), and in
 * ours only for a pattern or a refine. So a rule refused only by its lengths carries the portal's
 * wording and both sides use the very same schema; a rule with a pattern or a refine is a builder
 * that takes its words (the portal passes its sentence, the API its "email must be…", which the
 * portal's business form and the tests read). `filledIn` puts the portal's "Enter your…" in front
 * where the API has no empty check of its own.
 */

/** Text that must be filled in, trimmed first (the form has trimmed it already). */
export const requiredText = (message: string) => z.string().trim().min(1, message)

/** The portal's words for an empty field, then the rule (which never sees ""). */
export const filledIn = <Rule extends z.ZodType<unknown, string>>(message: string, rule: Rule) => z.string().min(1, message).pipe(rule)

export const tooLong = (max: number) => `Use at most ${max} characters.`

/** Text that may be left empty: trimmed, at most `max` characters. */
export const limitedText = (max: number) => z.string().trim().max(max, tooLong(max))

/** A person's first or last name. */
const personName = (empty: string) => requiredText(empty).max(100, tooLong(100))
export const firstNameField = personName("Enter your first name.")
export const lastNameField = personName("Enter your last name.")

/** Sign-up, accepting an invite with a name, and "Edit info". */
export const customerNameForm = z.object({ first_name: firstNameField, last_name: lastNameField })

/** zod's email format, trimmed and lower-cased: what accounts, billing emails and a new booking's contact take. */
export const emailAddress = (invalid: string) => z.string().trim().toLowerCase().email(invalid)

/** The email of an account (sign-up, sign-in links, verification): at most 254 characters. */
export const accountEmail = (invalid: string) => emailAddress(invalid).max(254, tooLong(254))

/** The contract's EMAIL_PATTERN, trimmed and lower-cased: what contact details take. */
export const patternEmail = (invalid: string) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .refine((email) => EMAIL_PATTERN.test(email), invalid)

export const ENTER_EMAIL = "Enter your email address."
export const EMAIL_WORDING = "Enter an email address like name@example.com."

/** An email field whose route is not an account's (forgot password, a booking's sign-in, changing a booking's contact). */
export const emailField = filledIn(ENTER_EMAIL, patternEmail(EMAIL_WORDING))
/** An email field whose route checks it as an account's email. */
export const accountEmailField = filledIn(ENTER_EMAIL, accountEmail(EMAIL_WORDING))
/** A new booking's contact email, checked as its route does. */
export const contactEmailField = filledIn(ENTER_EMAIL, emailAddress(EMAIL_WORDING))

/** A new password: the API checks its lengths; the portal first asks for one. */
export const newPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`)
export const newPasswordField = filledIn("Enter a password.", newPassword)

/** A phone number someone can dial: digits, spaces and + ( ) . - only, at least five of them. */
export const PHONE_PATTERN = /^[+()\d\s.-]{5,}$/

/** The phone number given at sign-up: 7 to 20 digits, spaces, ( ) and -, with an optional leading +. */
export const SIGN_UP_PHONE_PATTERN = /^\+?[0-9 ()-]{7,20}$/
export const signUpPhone = (invalid: string) => z.string().trim().regex(SIGN_UP_PHONE_PATTERN, invalid)

/** Sign-up's fields; the password is checked apart (it is never sent back to the form). */
export const signUpForm = customerNameForm.extend({
  email: accountEmailField,
  phone: filledIn("Enter your phone number.", signUpPhone("Enter a phone number using digits, for example 07700 900123.")),
})
