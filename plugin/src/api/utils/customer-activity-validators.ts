import { z } from "@medusajs/framework/zod"
import { wholeNumber } from "./fieldworker-validators"

const page = {
  limit: wholeNumber("limit", 1, 100).default(20),
  offset: wholeNumber("offset", 0, Number.MAX_SAFE_INTEGER).default(0),
}

const KIND = /^[a-z][a-z_]{0,49}$/

/** A page of a customer's activity, newest first; `kind` narrows it to one or more kinds (repeated or comma-separated). */
export const AdminListCustomerActivity = z
  .object({
    ...page,
    kind: z
      .union([z.string(), z.array(z.string())], { error: "kind must be one or more activity kinds, like profile_updated" })
      .transform((value) => [...new Set((Array.isArray(value) ? value : value.split(",")).map((kind) => kind.trim()).filter(Boolean))])
      .refine((kinds) => kinds.every((kind) => KIND.test(kind)), "kind must be one or more activity kinds, like profile_updated or email_sent")
      .optional(),
  })
  .strict()
export type AdminListCustomerActivityType = z.infer<typeof AdminListCustomerActivity>

/** A page of the emails sent to a customer, newest first. */
export const AdminListCustomerCommunications = z.object(page).strict()
export type AdminListCustomerCommunicationsType = z.infer<typeof AdminListCustomerCommunications>

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} is required and must be text` })
    .trim()
    .refine((value) => value.length > 0, `${label} cannot be empty`)
    .refine((value) => value.length <= max, `${label} must be at most ${max} characters`)

/** "Send message" on the customer page. */
export const AdminSendCustomerMessage = z
  .object({
    subject: text("subject", 200).refine((value) => !/[\r\n]/.test(value), "subject must be a single line"),
    body: text("body", 10_000),
  })
  .strict()
export type AdminSendCustomerMessageType = z.infer<typeof AdminSendCustomerMessage>
