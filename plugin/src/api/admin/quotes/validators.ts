import { z } from "@medusajs/framework/zod"
import { QUOTE_STATUSES } from "@fieldservice/contract"
import { wholeNumber } from "../fieldworkers/validators"
import { moneyAmount, optionalText, text } from "../invoices/validators"

const day = (label: string) => z.iso.date({ error: `${label} must be a date like 2026-12-01` })
const id = (label: string) =>
  z
    .string({ error: `${label} must be an id` })
    .trim()
    .refine((value) => value.length > 0 && value.length <= 100, `${label} must be an id`)

/** A price typed by staff: zero is allowed (a free extra), negative is not. */
const price = z
  .union([z.string(), z.number()], { error: "unit_price must be an amount such as 85.00" })
  .transform((value) => String(value).trim())
  .refine((value) => /^\d{1,9}(\.\d{1,2})?$/.test(value), "unit_price must be an amount such as 85.00")

const line = z
  .object({
    product_id: id("product_id").nullish(),
    variant_id: id("variant_id").nullish(),
    description: optionalText("description", 500),
    quantity: wholeNumber("quantity", 1, 10_000),
    unit_price: price.nullish(),
    optional: z.boolean({ error: "optional must be true or false" }).default(false),
  })
  .strict()
  .refine((value) => !!value.variant_id || !value.product_id, {
    message: "Choose the service's option (variant_id) as well as the service",
    path: ["variant_id"],
  })
  .refine((value) => !!value.variant_id || (!!value.description && value.unit_price != null), {
    message: "A line that is not a service needs a description and a unit_price",
    path: ["description"],
  })

const option = z
  .object({
    title: text("title", 200),
    description: optionalText("description", 1000),
    lines: z
      .array(line, { error: "lines must be a list" })
      .refine((lines) => lines.length > 0, "Each option needs at least one line")
      .refine((lines) => lines.length <= 100, "An option can have at most 100 lines"),
  })
  .strict()

const deposit = z
  .object({
    kind: z.enum(["none", "amount", "percent"], { error: "deposit.kind must be none, amount or percent" }),
    value: moneyAmount("deposit.value").nullish(),
  })
  .strict()
  .refine((value) => value.kind === "none" || !!value.value, { message: "Give the deposit's amount or percent", path: ["value"] })
  .refine((value) => value.kind !== "percent" || Number(value.value) <= 100, { message: "A deposit can't be more than 100%", path: ["value"] })

/** What staff set on a draft; `options` is the whole draft's content (it replaces the draft's). */
const draftFields = {
  title: text("title", 200),
  business_profile_id: id("business_profile_id").nullish(),
  address_id: id("address_id").nullish(),
  expires_on: day("expires_on").nullish(),
  deposit: deposit.optional(),
  notes: optionalText("notes", 5000),
  options: z
    .array(option, { error: "options must be a list" })
    .refine((options) => options.length > 0, "A quote needs at least one option with a line")
    .refine((options) => options.length <= 5, "A quote can have at most 5 options"),
}

export const AdminCreateQuote = z.object({ customer_id: id("customer_id"), ...draftFields }).strict()
export type AdminCreateQuoteType = z.infer<typeof AdminCreateQuote>

export const AdminUpdateQuote = z.object(draftFields).partial().strict()
export type AdminUpdateQuoteType = z.infer<typeof AdminUpdateQuote>

export const QUOTE_SORTS = ["-created_at", "created_at", "expires_on", "-expires_on", "total", "-total"] as const

export const AdminGetQuotesParams = z
  .object({
    status: z.enum(QUOTE_STATUSES, { error: `status must be one of ${QUOTE_STATUSES.join(", ")}` }).optional(),
    customer_id: id("customer_id").optional(),
    q: z
      .string({ error: "q must be text" })
      .trim()
      .refine((value) => value.length <= 200, "q must be at most 200 characters")
      .optional(),
    min_total: moneyAmount("min_total").optional(),
    max_total: moneyAmount("max_total").optional(),
    expires_from: day("expires_from").optional(),
    expires_to: day("expires_to").optional(),
    order: z.enum(QUOTE_SORTS, { error: `order must be one of ${QUOTE_SORTS.join(", ")}` }).default("-created_at"),
    limit: wholeNumber("limit", 1, 200).default(20),
    offset: wholeNumber("offset", 0, 10_000_000).default(0),
  })
  .strict()
  .refine((query) => !query.expires_from || !query.expires_to || query.expires_from <= query.expires_to, {
    message: "expires_from must be on or before expires_to",
    path: ["expires_to"],
  })
export type AdminGetQuotesParamsType = z.infer<typeof AdminGetQuotesParams>

export const AdminGetQuotePdfParams = z.object({ draft: z.enum(["true", "false"], { error: "draft must be true or false" }).optional() }).strict()
export type AdminGetQuotePdfParamsType = z.infer<typeof AdminGetQuotePdfParams>
