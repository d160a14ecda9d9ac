import { z } from "@medusajs/framework/zod"
import { EMAIL_PATTERN } from "@fieldservice/contract"
import { normalizePhone } from "../../../modules/customer-profile/contact-details"
import { postcodeAreas } from "../products/validators"

/** A whole number in a query string; Medusa would rewrite zod's own min/max messages. */
export const wholeNumber = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${label} must be a number` })
    .refine((value) => Number.isInteger(value), `${label} must be a whole number`)
    .refine((value) => value >= min, min === 0 ? `${label} cannot be negative` : `${label} must be at least ${min}`)
    .refine((value) => value <= max, `${label} must be at most ${max}`)

const fields = {
  name: z
    .string({ error: "name is required" })
    .trim()
    .refine((name) => name.length > 0, "name cannot be empty")
    .refine((name) => name.length <= 200, "name must be at most 200 characters"),
  email: z
    .string({ error: "email is required" })
    .trim()
    .toLowerCase()
    .refine((email) => EMAIL_PATTERN.test(email) && email.length <= 320, "email must be a valid email address"),
  phone: z
    .string({ error: "phone must be text" })
    .trim()
    .nullish()
    .transform((phone) => phone || null)
    .refine((phone) => phone === null || normalizePhone(phone) !== null, "phone must be a phone number such as +44 7700 900123"),
  service_areas: postcodeAreas("service_areas"),
  active: z.boolean({ error: "active must be true or false" }),
}

/** Settings → Fieldworkers: a new fieldworker needs a name and an email. */
export const AdminCreateFieldworker = z.object(fields).partial({ phone: true, service_areas: true, active: true }).strict()
export const AdminUpdateFieldworker = z.object(fields).partial().strict()
export type AdminCreateFieldworkerType = z.infer<typeof AdminCreateFieldworker>
export type AdminUpdateFieldworkerType = z.infer<typeof AdminUpdateFieldworker>

export const AdminGetFieldworkersParams = z
  .object({
    q: z
      .string({ error: "q must be text" })
      .trim()
      .refine((q) => q.length <= 100, "q must be at most 100 characters")
      .optional(),
    active: z
      .string()
      .refine((value) => value === "true" || value === "false", "active must be true or false")
      .optional()
      .transform((value) => (value === undefined ? undefined : value === "true")),
    limit: wholeNumber("limit", 1, 200).default(50),
    offset: wholeNumber("offset", 0, Number.MAX_SAFE_INTEGER).default(0),
  })
  .strict()
export type AdminGetFieldworkersParamsType = z.infer<typeof AdminGetFieldworkersParams>
