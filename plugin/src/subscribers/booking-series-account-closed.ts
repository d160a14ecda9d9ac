import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { BOOKING_SERIES_MODULE, type BookingSeriesModuleService, type SeriesRecord } from "../modules/booking-series"
import { withJobLock } from "../utils/job-lock"
import { endSeriesForAccount } from "../workflows/booking-series/end-series-for-account"
import { CUSTOMER_PROFILE_UPDATED } from "../workflows/customer-profile/update-customer-profile"

type ProfileUpdated = { customer_id: string; before?: { status?: string }; after?: { status?: string } }

/**
 * Staff archived or blocked a customer: their repeat visits end at once, the visits to come are
 * cancelled (nothing charged) and the office is told, rather than at the rolling job's next run.
 * Under the job's lock, so a run booking the series' next visit can't slip in between.
 */
export default async function endSeriesOnAccountClosed({ event: { data }, container }: SubscriberArgs<ProfileUpdated>) {
  const status = data.after?.status
  if ((status !== "archived" && status !== "blocked") || data.before?.status === status) return
  const seriesModule: BookingSeriesModuleService = container.resolve(BOOKING_SERIES_MODULE)
  await withJobLock(container, "booking-series-horizon", async () => {
    const active = (await seriesModule.listBookingSeries({ customer_id: data.customer_id, status: "active" })) as unknown as SeriesRecord[]
    for (const series of active) await endSeriesForAccount(container, series, status, new Date())
  })
}

export const config: SubscriberConfig = { event: CUSTOMER_PROFILE_UPDATED }
