// How often a visit repeats: the choices the portal's booking flow and the staff drawer offer, and
// their wording. The plugin turns a choice into an RFC 5545 rule (modules/booking-series/recurrence.ts).

export const SERIES_FREQUENCIES = ["weekly", "every_2_weeks", "every_3_weeks", "every_4_weeks", "monthly_by_date", "monthly_by_weekday"] as const
export type SeriesFrequency = (typeof SERIES_FREQUENCIES)[number]

/** active: visits are booked ahead; ended: no more visits (ended by someone, or its last visit is booked). */
export const SERIES_STATUSES = ["active", "ended"] as const
export type SeriesStatus = (typeof SERIES_STATUSES)[number]

/** The most visits a series with a count can have, and how far ahead its end date may be. */
export const SERIES_MAX_COUNT = 260
export const SERIES_MAX_YEARS = 5
/** How far ahead the rolling job books a series' visits. */
export const SERIES_HORIZON_WEEKS = 8
/** How many days either side of its usual day a visit may be put when its usual window is full. */
export const SERIES_NEAREST_WINDOW_DAYS = 3

const ORDINALS = ["first", "second", "third", "fourth", "last"]
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

/** The ordinal of a day's weekday in its month: 1 for the first Tuesday … 4; 5 (the fifth) is read as "last" (-1). */
export function weekdayOrdinal(day: number): number {
  const nth = Math.ceil(day / 7)
  return nth >= 5 ? -1 : nth
}

/** "1st", "22nd", "31st". */
export function dayOrdinal(day: number): string {
  const tens = day % 100
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][day % 10] ?? "th")
  return `${day}${suffix}`
}

/**
 * "Every 2 weeks on Tuesday", "Monthly on the second Tuesday", "Monthly on the 31st (or the
 * month's last day)", for a series starting on `startsOn` (YYYY-MM-DD).
 */
export function frequencyText(frequency: SeriesFrequency, startsOn: string): string {
  const [year, month, day] = startsOn.split("-").map(Number)
  const weekday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7
  switch (frequency) {
    case "weekly":
      return `Every week on ${WEEKDAYS[weekday]}`
    case "every_2_weeks":
    case "every_3_weeks":
    case "every_4_weeks":
      return `Every ${frequency.split("_")[1]} weeks on ${WEEKDAYS[weekday]}`
    case "monthly_by_date":
      return day > 28 ? `Monthly on the ${dayOrdinal(day)} (or the month's last day)` : `Monthly on the ${dayOrdinal(day)}`
    case "monthly_by_weekday": {
      const nth = weekdayOrdinal(day)
      return `Monthly on the ${ORDINALS[nth === -1 ? 4 : nth - 1]} ${WEEKDAYS[weekday]}`
    }
  }
}

/** The choices as the portal and the drawer list them. */
export const FREQUENCY_CHOICES: { value: SeriesFrequency; label: string }[] = [
  { value: "weekly", label: "Every week" },
  { value: "every_2_weeks", label: "Every 2 weeks" },
  { value: "every_3_weeks", label: "Every 3 weeks" },
  { value: "every_4_weeks", label: "Every 4 weeks" },
  { value: "monthly_by_date", label: "Monthly, on the same date" },
  { value: "monthly_by_weekday", label: "Monthly, on the same weekday (e.g. second Tuesday)" },
]
