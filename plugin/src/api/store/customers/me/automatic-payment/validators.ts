import { automaticPaymentChange } from "@fieldservice/contract"
import { z } from "@medusajs/framework/zod"

/** "Pay my invoices automatically": on or off (on needs a default saved card). */
export const StoreSetAutomaticPayment = automaticPaymentChange
export type StoreSetAutomaticPaymentType = z.infer<typeof StoreSetAutomaticPayment>

/** Reading it takes nothing but the session. */
export const StoreGetAutomaticPaymentParams = z.object({}).strict()
