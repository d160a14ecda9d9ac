import { z } from "@medusajs/framework/zod"
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PROFILE_KINDS } from "@fieldservice/contract"

const email = z.string({ error: "email is required" }).trim().toLowerCase().email("email must be a valid email address").max(254)
const password = z
  .string({ error: "password is required" })
  .min(PASSWORD_MIN_LENGTH, `password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `password must be at most ${PASSWORD_MAX_LENGTH} characters`)
const name = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} cannot be empty`)
    .max(100)
const token = z.string({ error: "token is required" }).trim().min(10, "token is not valid").max(200, "token is not valid")

export const StoreSignUp = z
  .object({
    first_name: name("first_name"),
    last_name: name("last_name"),
    email,
    phone: z
      .string({ error: "phone is required" })
      .trim()
      .regex(/^\+?[0-9 ()-]{7,20}$/, "phone must be a phone number, digits with an optional leading +"),
    password,
    kind: z.enum(PROFILE_KINDS, { error: "kind must be either 'personal' or 'business'" }).default("personal"),
  })
  .strict()
export type StoreSignUpType = z.infer<typeof StoreSignUp>

export const StoreToken = z.object({ token }).strict()
export type StoreTokenType = z.infer<typeof StoreToken>

export const StoreResendVerification = z.object({ email }).strict()
export type StoreResendVerificationType = z.infer<typeof StoreResendVerification>

export const StoreAcceptInvite = z.object({ token, password }).strict()
export type StoreAcceptInviteType = z.infer<typeof StoreAcceptInvite>

export const StoreChangePassword = z
  .object({ current_password: z.string({ error: "current_password is required" }).min(1).max(PASSWORD_MAX_LENGTH), new_password: password })
  .strict()
export type StoreChangePasswordType = z.infer<typeof StoreChangePassword>

export const StoreAccountFromBooking = z.object({ password, first_name: name("first_name"), last_name: name("last_name") }).strict()
export type StoreAccountFromBookingType = z.infer<typeof StoreAccountFromBooking>

export const StoreSignInLink = z.object({ email }).strict()
export type StoreSignInLinkType = z.infer<typeof StoreSignInLink>
