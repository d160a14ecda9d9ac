import { z } from "@medusajs/framework/zod"

/** The portal's Invoices tabs: open (owed, not yet due), overdue, paid, or every one issued. */
export const STORE_INVOICE_VIEWS = ["open", "overdue", "paid", "all"] as const

export const StoreGetInvoicesParams = z
  .object({
    view: z.enum(STORE_INVOICE_VIEWS, { error: "view must be open, overdue, paid or all" }).default("all"),
    limit: z.coerce
      .number({ error: "limit must be a number" })
      .int("limit must be a whole number")
      .min(1, "limit must be at least 1")
      .max(100, "limit must be at most 100")
      .default(50),
    offset: z.coerce.number({ error: "offset must be a number" }).int("offset must be a whole number").min(0, "offset cannot be negative").default(0),
  })
  .strict()
export type StoreGetInvoicesParamsType = z.infer<typeof StoreGetInvoicesParams>
