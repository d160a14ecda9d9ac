import { z } from "zod"
import { QUOTE_STATUSES } from "../quotes"

/** The customer's side of a quote (issue #19): the portal's forms and the store routes' bodies alike. */

/**
 * A trimmed text of `min` to `max` characters. Refinements, not min/max, so that the API's own
 * `message` is these words (Medusa rewrites min/max failures as "Value for field … too small").
 */
const words = (missing: string, min: number, tooLong: string, max: number) =>
  z
    .string({ error: missing })
    .trim()
    .refine((value) => value.length >= min, missing)
    .refine((value) => value.length <= max, tooLong)
const id = (what: string) => words(`${what} is missing`, 1, `${what} is not one of this quote's`, 100)
const text = (what: string, missing: string) => words(missing, 1, `${what} can be at most 2000 characters`, 2000)

/** What the customer picked: one option and the optional lines of it they ticked. */
export const quoteSelection = z
  .object({
    option_id: words("Pick exactly one option", 1, "Pick one of this quote's options", 100),
    optional_line_ids: z
      .array(id("An optional line"), { error: "optional_line_ids must be a list of line ids" })
      .max(100, "Too many optional lines")
      .default([]),
  })
  .strict()
export type QuoteSelectionForm = z.infer<typeof quoteSelection>

export const quoteAcceptance = quoteSelection
  .extend({
    version: z
      .number({ error: "version must be the number of the version you read" })
      .int("version must be a whole number")
      .min(1, "version must be 1 or more"),
    signed_name: words("Type your full name to sign", 2, "Your name can be at most 200 characters", 200),
  })
  .strict()
export type QuoteAcceptanceForm = z.infer<typeof quoteAcceptance>

export const quoteDecline = z.object({ reason: text("The reason", "Tell us why you are declining the quote") }).strict()
export const quoteChangeRequest = z.object({ message: text("The message", "Tell us what you would like changed") }).strict()

/** The portal's list: the statuses a customer can see (never draft). */
export const STORE_QUOTE_STATUSES = QUOTE_STATUSES.filter((status) => status !== "draft")

export const storeQuoteListQuery = z
  .object({
    status: z.enum(STORE_QUOTE_STATUSES as [string, ...string[]], { error: `status must be one of ${STORE_QUOTE_STATUSES.join(", ")}` }).optional(),
    limit: z.coerce
      .number({ error: "limit must be a number" })
      .int("limit must be a whole number")
      .min(1, "limit must be 1 to 100")
      .max(100, "limit must be 1 to 100")
      .default(50),
    offset: z.coerce.number({ error: "offset must be a number" }).int("offset must be a whole number").min(0, "offset can't be negative").default(0),
  })
  .strict()

/** The emailed link's token, traded for the quote it opens. */
export const quoteLinkToken = z
  .object({ token: z.string({ error: "The link is not complete" }).trim().min(10, "The link is not complete").max(2000, "The link is not valid") })
  .strict()

export type StoreQuotePriceResponse = { subtotal: number; tax_total: number; total: number; deposit: number }
export type StoreQuoteLinkResponse = { quote_id: string; customer_has_account: boolean }
