import { z } from "@medusajs/framework/zod"
import { SCHEDULE_MAX_DAYS } from "@fieldservice/contract"

const day = (label: string) => z.iso.date({ error: `${label} must be a date like 2026-12-01` })

const shortId = (label: string) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .refine((value) => value.length > 0 && value.length <= 100, `${label} must be an id`)

const daysBetween = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000

/** The schedule board (and a fieldworker's day sheet): whole days in the business's time zone, at most two weeks. */
export const AdminGetScheduleParams = z
  .object({
    from: day("from"),
    /** The last day shown (included); the same day as `from` when left out. */
    to: day("to").optional(),
    postcode_area: z
      .string({ error: "postcode_area must be text" })
      .transform((area) => area.toUpperCase().replace(/\s+/g, ""))
      .refine((area) => /^[A-Z]{1,2}(\d[A-Z\d]?)?$/.test(area), "postcode_area must be a postcode area or district such as BS or BS6")
      .optional(),
    service_id: shortId("service_id").optional(),
    /** One fieldworker's visits, or "none" for the unassigned ones. */
    fieldworker_id: shortId("fieldworker_id").optional(),
  })
  .strict()
  .transform((query) => ({ ...query, to: query.to ?? query.from }))
  .refine((query) => daysBetween(query.from, query.to) >= 0, { message: "from must be on or before to", path: ["to"] })
  .refine((query) => daysBetween(query.from, query.to) < SCHEDULE_MAX_DAYS, {
    message: `The schedule shows at most ${SCHEDULE_MAX_DAYS} days at once: choose a shorter range`,
    path: ["to"],
  })
export type AdminGetScheduleParamsType = z.infer<typeof AdminGetScheduleParams>
