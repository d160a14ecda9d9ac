import { z } from "@medusajs/framework/zod"

export const StoreGetServicesParams = z.object({
  postal_code: z.string().trim().max(10).optional(),
})
export type StoreGetServicesParamsType = z.infer<typeof StoreGetServicesParams>

export const StoreGetServiceAvailabilityParams = z
  .object({
    from: z.iso.date({ error: "from must be a date like 2026-12-01" }).optional(),
    days: z.coerce.number({ error: "days must be a number" }).int().min(1, "days must be at least 1").max(62, "days must be at most 62").default(14),
  })
  .strict()
export type StoreGetServiceAvailabilityParamsType = z.infer<typeof StoreGetServiceAvailabilityParams>
