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

const CARD_ID = /^[A-Za-z0-9_]{1,255}$/

/** The card a deposit is paid with: a saved card, or a new one Stripe.js made (pm_…). */
const depositCard = {
  saved_card_id: z.string({ error: "saved_card_id must be text" }).regex(CARD_ID, "That is not a saved card").optional(),
  payment_method: z
    .string({ error: "payment_method must be text" })
    .regex(/^pm_[A-Za-z0-9_]{1,250}$/, "payment_method must be a card Stripe.js made (pm_…)")
    .optional(),
  save_card: z.boolean({ error: "save_card must be true or false" }).optional(),
}
const oneCard = { message: "Choose one card: a saved card or a new one", path: ["saved_card_id"] }

/** "Pay deposit": one card. */
export const quoteDepositPayment = z
  .object(depositCard)
  .strict()
  .refine((body) => !!body.saved_card_id !== !!body.payment_method, oneCard)
export type QuoteDepositPaymentForm = z.infer<typeof quoteDepositPayment>

/** After the bank's check in the browser: nothing but the quote in the path. */
export const quoteDepositConfirm = z.object({}).strict()

export const quoteAcceptance = quoteSelection
  .extend({
    ...depositCard,
    version: z
      .number({ error: "version must be the number of the version you read" })
      .int("version must be a whole number")
      .min(1, "version must be 1 or more"),
    signed_name: words("Type your full name to sign", 2, "Your name can be at most 200 characters", 200),
  })
  .strict()
  .refine((body) => !(body.saved_card_id && body.payment_method), oneCard)
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
