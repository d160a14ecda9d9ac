import { z } from "zod"

/** Buying a gift voucher (issue #20): the portal's form and POST /store/portal/gift-vouchers alike. */

const words = (missing: string, max: number, tooLong: string) =>
  z
    .string({ error: missing })
    .trim()
    .refine((value) => value.length >= 1, missing)
    .refine((value) => value.length <= max, tooLong)

const DAY = /^\d{4}-\d{2}-\d{2}$/

export const giftVoucherPurchase = z
  .object({
    kind: z.enum(["amount", "services"], { error: "Choose an amount or services for the voucher" }),
    /** For an amount voucher: in major units (25 is £25), whole pence at most. */
    amount: z
      .number({ error: "The amount must be a number" })
      .positive("The amount must be more than zero")
      .refine(
        (value) => Number.isInteger(Math.round(value * 100)) && Math.abs(value * 100 - Math.round(value * 100)) < 1e-6,
        "The amount can have at most two decimals"
      )
      .optional(),
    /** For a service voucher: the service options (variant ids), one for each visit it pays for. */
    service_ids: z
      .array(words("A service is missing", 100, "That is not one of our services"), { error: "service_ids must be a list of services" })
      .max(10, "A voucher can hold at most 10 services")
      .optional(),
    recipient_name: words("Enter the name of the person the voucher is for", 200, "The name can be at most 200 characters"),
    recipient_email: z
      .string({ error: "Enter the email the voucher is sent to" })
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: "Enter a valid email for the person the voucher is for" }).max(254, "The email is too long")),
    message: z
      .string({ error: "The message must be text" })
      .trim()
      .max(1000, "The message can be at most 1000 characters")
      .optional()
      .transform((value) => value || null),
    deliver_on: z.string({ error: "Choose the day the voucher is sent" }).regex(DAY, "The delivery day must be a date (YYYY-MM-DD)"),
    saved_card_id: z.string({ error: "Choose a card to pay with" }).regex(/^[A-Za-z0-9_]{1,255}$/, "That is not a saved card"),
    agree_terms: z.boolean({ error: "Agree to the gift voucher terms to continue" }).refine((value) => value, "Agree to the gift voucher terms to continue"),
    /** Made when the form is shown: the same purchase sent twice (a double click) is charged once. */
    idempotency_key: z
      .string({ error: "The form is out of date: reload the page" })
      .regex(/^[A-Za-z0-9_-]{16,100}$/, "The form is out of date: reload the page"),
  })
  .strict()
  .refine((body) => body.kind !== "amount" || body.amount !== undefined, { message: "Choose the voucher's amount", path: ["amount"] })
  .refine((body) => body.kind !== "services" || (body.service_ids?.length ?? 0) > 0, { message: "Add at least one service", path: ["service_ids"] })
export type GiftVoucherPurchaseForm = z.infer<typeof giftVoucherPurchase>

/** Adding a received voucher to the account by its code. Spaces and lower case are forgiven. */
export const giftVoucherCode = z
  .object({
    code: z
      .string({ error: "Enter the voucher's code" })
      .transform((value) => value.toUpperCase().replace(/\s+/g, ""))
      .pipe(z.string().min(4, "Enter the voucher's code").max(64, "That is not a voucher code")),
  })
  .strict()

export const giftVoucherSettingsUpdate = z
  .object({
    enabled: z.boolean({ error: "enabled must be true or false" }).optional(),
    amounts: z
      .array(z.number({ error: "Each amount must be a number" }).positive("Each amount must be more than zero").max(100000, "An amount is too large"))
      .max(8, "At most 8 amounts")
      .optional(),
    min_amount: z.number({ error: "The smallest amount must be a number" }).positive("The smallest amount must be more than zero").optional(),
    max_amount: z
      .number({ error: "The largest amount must be a number" })
      .positive("The largest amount must be more than zero")
      .max(100000, "The largest amount is too large")
      .optional(),
    validity_months: z
      .number({ error: "The validity must be a number of months" })
      .int("The validity must be whole months")
      .min(1, "Vouchers must be valid at least 1 month")
      .max(120, "The validity can be at most 120 months")
      .optional(),
    service_ids: z.array(z.string().min(1).max(100)).max(500).nullable().optional(),
  })
  .strict()

const twoDecimals = (value: number) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6

/** Staff issue a voucher by hand (an apology, a prize): emailed now, optionally put in a customer's account. */
export const adminGiftVoucherIssue = z
  .object({
    amount: z
      .number({ error: "The amount must be a number" })
      .positive("The amount must be more than zero")
      .max(100000, "The amount is too large")
      .refine(twoDecimals, "The amount can have at most two decimals"),
    recipient_name: words("Enter the name of the person the voucher is for", 200, "The name can be at most 200 characters"),
    recipient_email: z
      .string({ error: "Enter the email the voucher is sent to" })
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: "Enter a valid email for the person the voucher is for" }).max(254, "The email is too long")),
    message: z
      .string({ error: "The message must be text" })
      .trim()
      .max(1000, "The message can be at most 1000 characters")
      .nullish()
      .transform((value) => value || null),
    /** Put straight into this customer's account (their Gift cards page). */
    customer_id: z
      .string({ error: "customer_id must be a customer's id" })
      .trim()
      .max(100, "customer_id must be a customer's id")
      .nullish()
      .transform((value) => value || null),
  })
  .strict()
export type AdminGiftVoucherIssueForm = z.infer<typeof adminGiftVoucherIssue>

/** Staff change a voucher: its last day, disable or enable it, their note. */
export const adminGiftVoucherUpdate = z
  .object({
    /** The last day it can be used (the business's calendar), today or later. */
    expires_on: z.string({ error: "The expiry must be a date (YYYY-MM-DD)" }).regex(DAY, "The expiry must be a date (YYYY-MM-DD)").optional(),
    disabled: z.boolean({ error: "disabled must be true or false" }).optional(),
    note: z
      .string({ error: "The note must be text" })
      .trim()
      .max(2000, "The note can be at most 2000 characters")
      .nullable()
      .optional()
      .transform((value) => (value === undefined ? undefined : value || null)),
  })
  .strict()
  .refine((body) => body.expires_on !== undefined || body.disabled !== undefined || body.note !== undefined, {
    message: "Change the expiry, disable or enable the voucher, or write a note",
  })
export type AdminGiftVoucherUpdateForm = z.infer<typeof adminGiftVoucherUpdate>
