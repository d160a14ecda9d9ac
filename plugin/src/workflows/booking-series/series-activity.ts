import { frequencyText, type SeriesFrequency } from "@fieldservice/contract"
import type { ActivityActor } from "../customer-profile/activity"
import type { ActivityEntry } from "../customer-profile/steps/record-activity"

/** What happened to a recurring series, for the customer's history and the series emails. */
export type SeriesEventKind = "created" | "changed" | "paused" | "ended" | "visit_skipped" | "visits_rebooked" | "visits_missed" | "cancelled_account"

export const BOOKING_SERIES_CHANGED = "booking_series.changed"

/** The data of a `booking_series.changed` event (the subscriber emails the customer and the office). */
export type SeriesChangedEvent = {
  id: string
  kind: SeriesEventKind
  /** One sentence saying what changed, as the history line says it. */
  summary: string
  /** Who did it: the office is emailed about the customer's changes and the system's, not its own. */
  by: "customer" | "staff" | "system"
}

type SeriesFacts = { id: string; customer_id: string; service_title: string; frequency: SeriesFrequency; starts_on: string; start_time: string }

/** "Home clean every 2 weeks on Tuesday at 09:00". */
export const seriesName = (series: SeriesFacts) =>
  `${series.service_title}, ${frequencyText(series.frequency, series.starts_on)
    .replace(/^Every/, "every")
    .replace(/^Monthly/, "monthly")} at ${series.start_time}`

/** The history line for a series event. */
export function seriesActivity(series: SeriesFacts, kind: SeriesEventKind, summary: string, actor: ActivityActor | null | undefined): ActivityEntry {
  return {
    customer_id: series.customer_id,
    kind: `series_${kind}`,
    message: summary,
    data: { series_id: series.id },
    actor: actor ?? { type: "system" },
  }
}
