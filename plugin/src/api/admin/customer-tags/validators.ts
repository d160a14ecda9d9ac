import { z } from "@medusajs/framework/zod"

export const AdminGetCustomerTagsParams = z.object({
  q: z.string().trim().max(50).optional(),
})
export type AdminGetCustomerTagsParamsType = z.infer<typeof AdminGetCustomerTagsParams>
