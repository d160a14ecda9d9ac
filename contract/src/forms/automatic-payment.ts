import { z } from "zod"

/** Turning automatic payment on or off: the portal's form and the store route's body. */
export const automaticPaymentChange = z.object({ enabled: z.boolean({ error: "enabled must be true or false" }) }).strict()

/** Staff only turn it off: the agreement to be charged is the customer's to give. */
export const staffAutomaticPaymentChange = z
  .object({
    enabled: z
      .boolean({ error: "enabled must be true or false" })
      .refine((value) => value === false, "Staff can only turn automatic payment off: the customer turns it on in their portal"),
  })
  .strict()

/** The admin list of failed automatic payments: those still to be tried again, those given up on, or both. */
export const failedAutomaticPaymentsQuery = z
  .object({
    state: z.enum(["retrying", "gave_up", "all"], { error: "state must be retrying, gave_up or all" }).default("all"),
    customer_id: z
      .string()
      .regex(/^[A-Za-z0-9_]{1,255}$/, "customer_id is not a customer id")
      .optional(),
    limit: z.coerce
      .number({ error: "limit must be a number" })
      .int("limit must be a whole number")
      .min(1, "limit must be 1 to 100")
      .max(100, "limit must be 1 to 100")
      .default(20),
    offset: z.coerce.number({ error: "offset must be a number" }).int("offset must be a whole number").min(0, "offset can't be negative").default(0),
  })
  .strict()
