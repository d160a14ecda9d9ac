import { z } from "@medusajs/framework/zod"
import { normalizePhone } from "../../modules/customer-profile/contact-details"
import { text } from "./business-profile-validators"
import { postcodeAreas } from "./service-validators"

const fields = {
  name: text("name", 200),
  email: z
    .string({ error: "email is required" })
    .trim()
    .toLowerCase()
    .refine((email) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) && email.length <= 320, "email must be a valid email address"),
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
export const AdminCreateFieldworker = z
  .object(fields)
  .partial({ phone: true, service_areas: true, active: true })
  .strict()
export const AdminUpdateFieldworker = z.object(fields).partial().strict()
export type AdminCreateFieldworkerType = z.infer<typeof AdminCreateFieldworker>
export type AdminUpdateFieldworkerType = z.infer<typeof AdminUpdateFieldworker>

export const AdminListFieldworkers = z
  .object({
    q: z
      .string({ error: "q must be text" })
      .trim()
      .refine((q) => q.length <= 100, "q must be at most 100 characters")
      .optional(),
    active: z
      .enum(["true", "false"], { error: "active must be true or false" })
      .optional()
      .transform((value) => (value === undefined ? undefined : value === "true")),
    limit: z.coerce.number({ error: "limit must be a number" }).int().min(1, "limit must be at least 1").max(200, "limit must be at most 200").default(50),
    offset: z.coerce.number({ error: "offset must be a number" }).int().min(0, "offset cannot be negative").default(0),
  })
  .strict()
export type AdminListFieldworkersType = z.infer<typeof AdminListFieldworkers>
