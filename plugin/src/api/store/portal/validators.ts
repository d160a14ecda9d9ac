import { z } from "@medusajs/framework/zod"
import {
  accountEmail,
  firstNameField,
  lastNameField,
  newPassword,
  PASSWORD_MAX_LENGTH,
  PROFILE_KINDS,
  signUpPhone,
  EMAIL_PREFERENCE_KINDS,
} from "@fieldservice/contract"

// The portal's sign-up and account forms check these same rules (contract/src/forms/fields.ts).
const email = accountEmail("email must be a valid email address")
/** A page of the portal to come back to ("/book/dog-grooming/time"), never another site. */
const portalPath = z
  .string({ error: "return_to must be a portal path" })
  .trim()
  .max(500, "return_to must be at most 500 characters")
  .regex(/^\/(?![/\\])[^\s]*$/, "return_to must be a path in the portal, like /book/regular-home-clean")
const token = z.string({ error: "token is required" }).trim().min(10, "token is not valid").max(200, "token is not valid")

export const StoreSignUp = z
  .object({
    first_name: firstNameField,
    last_name: lastNameField,
    email,
    phone: signUpPhone("phone must be a phone number, digits with an optional leading +"),
    password: newPassword,
    kind: z.enum(PROFILE_KINDS, { error: "kind must be either 'personal' or 'business'" }).default("personal"),
    return_to: portalPath.nullish(),
    // A friend's invite code; one nobody has is ignored, so it never stops a sign-up.
    ref: z.string({ error: "ref must be an invite code" }).trim().max(40, "ref must be an invite code").nullish(),
  })
  .strict()
export type StoreSignUpType = z.infer<typeof StoreSignUp>

export const StoreToken = z.object({ token }).strict()
export type StoreTokenType = z.infer<typeof StoreToken>

export const StoreResendVerification = z.object({ email }).strict()
export type StoreResendVerificationType = z.infer<typeof StoreResendVerification>

export const StoreAcceptInvite = z.object({ token, password: newPassword }).strict()
export type StoreAcceptInviteType = z.infer<typeof StoreAcceptInvite>

export const StoreChangePassword = z
  .object({ current_password: z.string({ error: "current_password is required" }).min(1).max(PASSWORD_MAX_LENGTH), new_password: newPassword })
  .strict()
export type StoreChangePasswordType = z.infer<typeof StoreChangePassword>

export const StoreAccountFromBooking = z.object({ password: newPassword, first_name: firstNameField, last_name: lastNameField }).strict()
export type StoreAccountFromBookingType = z.infer<typeof StoreAccountFromBooking>

export const StoreSignInLink = z.object({ email }).strict()
export type StoreSignInLinkType = z.infer<typeof StoreSignInLink>

/** The unsubscribe link's parts (GET query: what it would turn off; POST body: turn it off). */
export const StoreUnsubscribe = z
  .object({
    customer: z.string({ error: "customer must be text" }).trim().min(1, "The link is missing its customer").max(100, "customer is too long"),
    kind: z.enum(EMAIL_PREFERENCE_KINDS, { error: `kind must be one of ${EMAIL_PREFERENCE_KINDS.join(", ")}` }),
    signature: z.string({ error: "signature must be text" }).trim().min(1, "The link is missing its signature").max(200, "signature is too long"),
  })
  .strict()
export type StoreUnsubscribeType = z.infer<typeof StoreUnsubscribe>
