import { z } from "zod"
import { EMAIL_PATTERN, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../rules/accounts"

/*
 * The fields a portal form checks before sending, in the words the portal shows. The API checks
 * the same rules (the patterns and lengths in rules/) and answers in its own words.
 */

/** Text that must be filled in (the form has trimmed it). */
export const requiredText = (message: string) => z.string().min(1, message)

export const emailField = z.string().min(1, "Enter your email address.").regex(EMAIL_PATTERN, "Enter an email address like name@example.com.")

export const newPasswordField = z
  .string()
  .min(1, "Enter a password.")
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`)

export const firstNameField = requiredText("Enter your first name.")
export const lastNameField = requiredText("Enter your last name.")

/** Sign-up, accepting an invite with a name, and "Edit info". */
export const customerNameForm = z.object({ first_name: firstNameField, last_name: lastNameField })

/** A phone number someone can dial: digits, spaces and + ( ) . - only, at least five of them. */
export const PHONE_PATTERN = /^[+()\d\s.-]{5,}$/
