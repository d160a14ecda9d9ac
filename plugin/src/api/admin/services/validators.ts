import { z } from "@medusajs/framework/zod"
import { SCHEDULE_MAX_DAYS } from "@fieldservice/contract"
import { wholeNumber } from "../fieldworkers/validators"

/** The services staff can book: `?postal_code=` keeps those offered there. */
export const AdminGetServicesParams = z
  .object({
    postal_code: z
      .string({ error: "postal_code must be text" })
      .trim()
      .refine((value) => value.length <= 12, "postal_code must be at most 12 characters")
      .optional(),
  })
  .strict()
export type AdminGetServicesParamsType = z.infer<typeof AdminGetServicesParams>

/** Windows with room for a phone booking: `days` days from `from` (a date), else from now. */
export const AdminGetServiceFreeWindowsParams = z
  .object({
    from: z.iso.date({ error: "from must be a date like 2026-12-01" }).optional(),
    days: wholeNumber("days", 1, SCHEDULE_MAX_DAYS).default(14),
  })
  .strict()
export type AdminGetServiceFreeWindowsParamsType = z.infer<typeof AdminGetServiceFreeWindowsParams>
