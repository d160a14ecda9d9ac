import { z } from "@medusajs/framework/zod"

export const text = (label: string, max: number) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} cannot be empty`)
    .max(max, `${label} must be at most ${max} characters`)
export const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .nullish()
    .transform((value) => (value ? value : null))

/** A postal address's parts, shared by business profiles and billing addresses. */
export const addressFields = {
  address_1: text("address_1", 200),
  address_2: optionalText("address_2", 200),
  city: text("city", 100),
  province: optionalText("province", 100),
  postal_code: text("postal_code", 20),
  country_code: z
    .string({ error: "country_code is required" })
    .trim()
    .toLowerCase()
    .regex(/^[a-z]{2}$/, "country_code must be a two-letter country code such as GB"),
}

const fields = {
  name: text("name", 200),
  billing_email: z.string({ error: "billing_email is required" }).trim().toLowerCase().email("billing_email must be a valid email address"),
  tax_id: optionalText("tax_id", 50),
  ...addressFields,
}

/** A business profile as the customer (portal) or staff (admin) write it. */
export const BusinessProfileCreate = z.object(fields).strict()
export const BusinessProfileUpdate = z.object(fields).partial().strict()
export type BusinessProfileCreateType = z.infer<typeof BusinessProfileCreate>
export type BusinessProfileUpdateType = z.infer<typeof BusinessProfileUpdate>
