import { z } from "@medusajs/framework/zod"
import { GIFT_VOUCHER_STATUSES } from "@fieldservice/contract"
import { wholeNumber } from "../fieldworkers/validators"

/** GET /admin/gift-vouchers: the staff list's filters. */
export const AdminGetGiftVouchersParams = z
  .object({
    status: z.enum(GIFT_VOUCHER_STATUSES, { error: `status must be one of ${GIFT_VOUCHER_STATUSES.join(", ")}` }).optional(),
    kind: z.enum(["amount", "services"], { error: "kind must be amount or services" }).optional(),
    q: z
      .string({ error: "q must be text" })
      .trim()
      .max(200, "The search can be at most 200 characters")
      .optional()
      .transform((value) => value || undefined),
    customer_id: z.string({ error: "customer_id must be a customer's id" }).trim().max(100, "customer_id must be a customer's id").optional(),
    limit: wholeNumber("limit", 1, 200).default(20),
    offset: wholeNumber("offset", 0, 10_000_000).default(0),
  })
  .strict()
export type AdminGetGiftVouchersParamsType = z.infer<typeof AdminGetGiftVouchersParams>
