import { z } from "@medusajs/framework/zod"
import { addressFields as contractAddressFields, checkPostcode, emailAddress, withNormalPostcode } from "@fieldservice/contract"

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

/** A nullish field whose empty value is stored as null (built from a contract rule). */
export const emptyAsNull = <Rule extends z.ZodType<string, string>>(rule: Rule) => rule.nullish().transform((value) => (value ? value : null))

/** A postal address's parts, shared by business profiles, billing addresses and new booking locations. */
export const addressFields = contractAddressFields({
  empty: (field) => `${field} cannot be empty`,
  tooLong: (field, max) => `${field} must be at most ${max} characters`,
  country: "country_code must be a two-letter country code such as GB",
})

const fields = {
  name: text("name", 200),
  billing_email: emailAddress("billing_email must be a valid email address"),
  tax_id: optionalText("tax_id", 50),
  ...addressFields,
}

/** A business profile as the customer (portal) or staff (admin) write it; the postcode fits its country. */
export const BusinessProfileCreate = z.object(fields).strict().superRefine(checkPostcode).transform(withNormalPostcode)
export const BusinessProfileUpdate = z.object(fields).partial().strict().superRefine(checkPostcode).transform(withNormalPostcode)
export type BusinessProfileCreateType = z.infer<typeof BusinessProfileCreate>
export type BusinessProfileUpdateType = z.infer<typeof BusinessProfileUpdate>
