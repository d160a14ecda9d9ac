import { z } from "@medusajs/framework/zod"

/** GET /store/customers/me/notifications: a page, newest first. */
export const StoreGetNotificationsParams = z
  .object({
    limit: z.coerce
      .number({ error: "limit must be a number" })
      .int("limit must be a whole number")
      .min(1, "limit must be at least 1")
      .max(100, "limit must be at most 100")
      .default(20),
    offset: z.coerce.number({ error: "offset must be a number" }).int("offset must be a whole number").min(0, "offset cannot be negative").default(0),
  })
  .strict()
export type StoreGetNotificationsParamsType = z.infer<typeof StoreGetNotificationsParams>

/** The unread count takes no query. */
export const StoreGetUnreadCountParams = z.object({}).strict()
