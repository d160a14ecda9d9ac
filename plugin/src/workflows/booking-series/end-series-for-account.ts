import type { MedusaContainer } from "@medusajs/framework/types"
import { BOOKING_SERIES_MODULE, type BookingSeriesModuleService, isoDate, type SeriesRecord } from "../../modules/booking-series"
import { localDateOf } from "../../modules/services/time-zone"
import { cancelVisits, emitSeriesChange, openVisits } from "./series-change"

const WHY = { archived: "the account was archived", blocked: "the account is on hold", deleted: "the account was deleted" } as const

/**
 * The customer was archived, blocked or deleted while the series ran: it ends, and its visits
 * still to come are cancelled (their orders cancelled, so nothing is charged); the office is told.
 */
export async function endSeriesForAccount(container: MedusaContainer, series: SeriesRecord, status: keyof typeof WHY | "active", now: Date) {
  const why = WHY[status as keyof typeof WHY] ?? "the account can't be used"
  const seriesModule: BookingSeriesModuleService = container.resolve(BOOKING_SERIES_MODULE)
  const visits = (await openVisits(container, series.id, isoDate(localDateOf(now, series.time_zone)))).filter(
    (visit) => new Date(visit.starts_at).getTime() > now.getTime()
  )
  const cancelled = await cancelVisits(container, visits, { cancelled_by: "staff", reason: `Repeat visits ended: ${why}.`, actor: null })
  await seriesModule.updateBookingSeries({ id: series.id, status: "ended", ended_at: now, ended_by: "system", end_reason: why })
  await emitSeriesChange(container, series, {
    kind: "cancelled_account",
    summary: `Repeat visits (${series.service_title}) ended because ${why}: ${cancelled} upcoming visit${cancelled === 1 ? "" : "s"} cancelled, nothing charged.`,
    by: "system",
    actor: null,
  })
}
