import { z } from "@medusajs/framework/zod"
import { minutesOf } from "../../../modules/services/time-zone"

const whole = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .refine((value) => value >= min && value <= max, `${label} must be between ${min} and ${max}`)

const period = z
  .object({
    weekday: z.number({ error: "weekday must be 1 (Monday) to 7 (Sunday)" }).int().min(1).max(7),
    start: z.string({ error: "start must be a time like 08:00" }).refine((time) => minutesOf(time) !== null, "start must be a time like 08:00"),
    end: z.string({ error: "end must be a time like 17:00" }).refine((time) => minutesOf(time) !== null, "end must be a time like 17:00"),
  })
  .strict()
  .refine((hours) => minutesOf(hours.start)! < minutesOf(hours.end)!, "Each opening period must end after it starts")

/** Postcode areas or districts ("BS", "BS6"), upper case without spaces, each once (services, fieldworkers). */
export const postcodeAreas = (label: string) =>
  z
    .array(
      z
        .string({ error: "each area must be text" })
        .transform((area) => area.toUpperCase().replace(/\s+/g, ""))
        .refine((area) => /^[A-Z]{1,2}(\d[A-Z\d]?)?$/.test(area), "each area must be a postcode area or district such as BS or BS6"),
      { error: `${label} must be a list of postcode areas` }
    )
    .refine((areas) => areas.length <= 500, "at most 500 areas")
    .transform((areas) => [...new Set(areas)])

const fields = {
  duration_minutes: whole("duration_minutes", 5, 24 * 60),
  currency_code: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z]{3}$/, "currency_code must be a three-letter currency code such as GBP"),
  summary: z
    .string({ error: "summary must be text" })
    .trim()
    .refine((text) => text.length <= 300, "summary must be at most 300 characters")
    .nullable(),
  service_areas: postcodeAreas("service_areas"),
  window_minutes: whole("window_minutes", 15, 12 * 60),
  dependent_type_ids: z
    .array(z.string({ error: "dependent_type_ids must be dependent type ids" }).trim().min(1).max(100), {
      error: "dependent_type_ids must be a list of dependent type ids",
    })
    .max(20, "dependent_type_ids can name at most 20 kinds")
    .transform((ids) => [...new Set(ids)]),
  capacity: whole("capacity", 1, 1000),
  working_hours: z.array(period, { error: "working_hours must be a list of opening periods" }),
  lead_time_hours: whole("lead_time_hours", 0, 24 * 90),
  horizon_days: whole("horizon_days", 1, 366),
}

/**
 * Admin → product page → "Service": the first save needs the duration. The "from" price is the
 * cheapest option's, so it is not a setting; the currency must be one of the store's (checked by the workflow).
 */
export const AdminSaveServiceDetails = z.object(fields).partial().strict()
export type AdminSaveServiceDetailsType = z.infer<typeof AdminSaveServiceDetails>
