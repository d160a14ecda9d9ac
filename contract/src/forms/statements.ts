import { z } from "zod"

/** The longest period a statement covers: ten years of days (leap days allowed for). */
export const STATEMENT_MAX_DAYS = 3653

const DAY = /^\d{4}-\d{2}-\d{2}$/

const isRealDay = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)

/** How a bad period is refused: the portal speaks to the customer, the API names the field. */
export type StatementPeriodWording = { day: (field: "from" | "to") => string; order: string; tooLong: string }

export const STATEMENT_PERIOD_API_WORDS: StatementPeriodWording = {
  day: (field) => `${field} must be a date like 2026-01-31`,
  order: "from must be on or before to",
  tooLong: "A statement covers at most 10 years: choose a later from or an earlier to",
}

/**
 * A statement's period: two optional days (YYYY-MM-DD; the server fills in the last 12 months to
 * today), the first not after the second, at most ten years apart.
 */
export function statementPeriod(say: StatementPeriodWording) {
  const day = (field: "from" | "to") =>
    z
      .string()
      .trim()
      .refine((value) => DAY.test(value) && isRealDay(value), say.day(field))
      .optional()
  return z
    .object({ from: day("from"), to: day("to") })
    .strict()
    .refine((period) => !period.from || !period.to || period.from <= period.to, { message: say.order, path: ["to"] })
    .refine((period) => !period.from || !period.to || daysBetween(period.from, period.to) <= STATEMENT_MAX_DAYS, {
      message: say.tooLong,
      path: ["from"],
    })
}
