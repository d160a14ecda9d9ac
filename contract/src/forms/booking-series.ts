import { z } from "zod"
import { SERIES_FREQUENCIES, SERIES_MAX_COUNT, type SeriesFrequency } from "../rules/recurrence"

const DAY = /^\d{4}-\d{2}-\d{2}$/
const isRealDay = (value: string) => DAY.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value

/**
 * The booking flow's "How often?" answers (portal wording): once, or a frequency with how it
 * ends (never, on a date, after a number of visits). Read to null for "just once".
 */
export const repeatChoiceForm = z
  .object({
    frequency: z.enum(["once", ...SERIES_FREQUENCIES], { error: "Choose how often we should come." }),
    ends: z.enum(["never", "until", "count"], { error: "Choose when the visits should end." }).default("never"),
    until: z.string().trim().default(""),
    count: z.string().trim().default(""),
  })
  .superRefine((value, context) => {
    if (value.frequency === "once") return
    if (value.ends === "until" && !isRealDay(value.until)) {
      context.addIssue({ code: "custom", path: ["until"], message: "Enter the date of the last visit, like 2027-06-30." })
    }
    if (value.ends === "count") {
      const count = Number(value.count)
      if (!/^\d+$/.test(value.count) || count < 2 || count > SERIES_MAX_COUNT) {
        context.addIssue({ code: "custom", path: ["count"], message: `Enter how many visits in all, from 2 to ${SERIES_MAX_COUNT}.` })
      }
    }
  })
  .transform((value): RepeatChoice | null =>
    value.frequency === "once"
      ? null
      : {
          frequency: value.frequency,
          until: value.ends === "until" ? value.until : null,
          count: value.ends === "count" ? Number(value.count) : null,
        }
  )

/** Repeat visits as the booking draft keeps them (null: just once). */
export type RepeatChoice = { frequency: SeriesFrequency; until: string | null; count: number | null }
