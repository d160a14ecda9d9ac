import { z } from "@medusajs/framework/zod"
import { normalizeContactMethods } from "../../../modules/customer-profile/contact-details"
import { firstNameField, lastNameField, PROFILE_KINDS, PROFILE_STATUSES } from "@fieldservice/contract"

const name = (label: string) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .min(1, `${label} cannot be empty`)
    .max(100)

const contactMethods = z
  .object({
    emails: z
      .array(
        z
          .object({
            email: z.string({ error: "each email must be text" }),
            is_primary: z.boolean().optional(),
          })
          .strict()
      )
      .max(10, "at most 10 emails"),
    phones: z
      .array(
        z
          .object({
            number: z.string({ error: "each number must be text" }),
            type: z
              .enum(["phone", "mobile"], {
                error: "type must be 'phone' or 'mobile'",
              })
              .default("mobile"),
            is_primary: z.boolean().optional(),
          })
          .strict()
      )
      .max(10, "at most 10 phone numbers"),
  })
  .partial()

/** Values by field key; checked against the definitions in the workflow. "" or null clears a value. */
export const customFieldValues = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean(), z.null()], {
    error: "each custom field value must be text, a number, true/false or null",
  }),
  { error: "custom_fields must be an object of field keys and values" }
)

export const MAX_TAGS = 30
export const TAG_MAX_LENGTH = 50

/** Trimmed, without blanks, de-duplicated ignoring case (the first spelling wins). */
const tags = z
  .array(
    z
      .string({ error: "each tag must be text" })
      .trim()
      // A refinement keeps this message as written (Medusa rewrites plain max-length errors).
      .refine((tag) => tag.length <= TAG_MAX_LENGTH, `a tag must be at most ${TAG_MAX_LENGTH} characters`),
    {
      error: "tags must be a list of text",
    }
  )
  .transform((list) => {
    const seen = new Set<string>()
    return list.filter((tag) => {
      const key = tag.toLowerCase()
      if (!tag || seen.has(key)) return false
      seen.add(key)
      return true
    })
  })
  .refine((list) => list.length <= MAX_TAGS, `at most ${MAX_TAGS} tags`)

/** What a customer may change about their own profile (My account → Edit info). */
const customerFields = {
  kind: z.enum(PROFILE_KINDS, {
    error: "kind must be either 'personal' or 'business'",
  }),
  first_name: firstNameField,
  last_name: lastNameField,
  additional_names: z.array(name("each additional name")).max(10, "at most 10 additional names"),
  marketing_emails: z.boolean({
    error: "marketing_emails must be true or false",
  }),
  reminder_emails: z.boolean({
    error: "reminder_emails must be true or false",
  }),
  feedback_emails: z.boolean({
    error: "feedback_emails must be true or false",
  }),
  billing_same_as_booking: z.boolean({
    error: "billing_same_as_booking must be true or false",
  }),
  custom_fields: customFieldValues,
  ...contactMethods.shape,
}

/** Staff may also change the status and the staff-only fields. */
const staffFields = {
  ...customerFields,
  status: z.enum(PROFILE_STATUSES, {
    error: "status must be one of 'active', 'blocked' or 'archived'",
  }),
  tax_exempt: z.boolean({ error: "tax_exempt must be true or false" }),
  tax_rate_override: z
    .number({ error: "tax_rate_override must be a number" })
    .min(0, "tax_rate_override cannot be negative")
    .max(100, "tax_rate_override is a percentage, at most 100")
    .nullable(),
  payment_terms_days: z
    .number({ error: "payment_terms_days must be a number" })
    .int("payment_terms_days must be whole days")
    .min(0)
    .max(365, "payment_terms_days must be at most 365")
    .nullable(),
  internal_notes: z.string({ error: "internal_notes must be text" }).max(10000, "internal_notes must be at most 10000 characters").nullable(),
  tags,
}

/** Emails and numbers are checked as one list (formats, duplicates, one primary of each). */
function withContactMethods<
  T extends {
    emails?: { email: string; is_primary?: boolean }[]
    phones?: {
      number: string
      type: "phone" | "mobile"
      is_primary?: boolean
    }[]
  },
>(value: T, ctx: z.RefinementCtx) {
  if (value.emails === undefined && value.phones === undefined) return { ...value, contact_methods: undefined }
  if ((value.emails === undefined) !== (value.phones === undefined)) {
    ctx.addIssue({
      code: "custom",
      message: "send emails and phones together: the edit form saves the whole list",
    })
    return z.NEVER
  }
  const result = normalizeContactMethods([
    ...value.emails!.map((email) => ({
      kind: "email" as const,
      value: email.email,
      is_primary: email.is_primary,
    })),
    ...value.phones!.map((phone) => ({
      kind: phone.type,
      value: phone.number,
      is_primary: phone.is_primary,
    })),
  ])
  if (!result.ok) {
    ctx.addIssue({ code: "custom", message: result.message })
    return z.NEVER
  }
  return { ...value, contact_methods: result.methods }
}

export const StoreUpdateProfile = z.object(customerFields).partial().strict().transform(withContactMethods)
export const AdminUpdateProfile = z.object(staffFields).partial().strict().transform(withContactMethods)
export type StoreUpdateProfileType = z.infer<typeof StoreUpdateProfile>
export type AdminUpdateProfileType = z.infer<typeof AdminUpdateProfile>

/** Splits a validated body into the workflow's input parts. */
export function profileUpdateInput(body: StoreUpdateProfileType | AdminUpdateProfileType) {
  const { first_name, last_name, emails: _emails, phones: _phones, contact_methods, custom_fields, ...changes } = body
  const names = Object.fromEntries(Object.entries({ first_name, last_name }).filter(([, value]) => value !== undefined))
  return { changes, names, contact_methods, custom_fields }
}
