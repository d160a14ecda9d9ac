import { failedAutomaticPaymentsQuery, staffAutomaticPaymentChange } from "@fieldservice/contract"
import { z } from "@medusajs/framework/zod"

/** The failed automatic payments list: ?state=retrying|gave_up|all, ?customer_id, ?limit, ?offset. */
export const AdminGetFailedAutomaticPaymentsParams = failedAutomaticPaymentsQuery
export type AdminGetFailedAutomaticPaymentsParamsType = z.infer<typeof AdminGetFailedAutomaticPaymentsParams>

/** Staff turn a customer's automatic payment off (never on: that is the customer's agreement). */
export const AdminSetAutomaticPayment = staffAutomaticPaymentChange
export type AdminSetAutomaticPaymentType = z.infer<typeof AdminSetAutomaticPayment>

/** The customer page's card takes nothing but the customer in the path. */
export const AdminGetAutomaticPaymentParams = z.object({}).strict()
