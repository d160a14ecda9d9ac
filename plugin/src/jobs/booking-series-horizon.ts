import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { withJobLock } from "../utils/job-lock"
import { bookSeriesVisits } from "../workflows/booking-series/book-series-visits"

/**
 * Repeat visits are booked 8 weeks ahead: every hour, each active series gets its visits up to
 * then (nothing new most hours; a new week's visit once a week or month). Idempotent, so a run
 * killed half-way is finished by the next. Series of customers archived or blocked since are
 * ended here, their visits cancelled.
 */
export async function bookingSeriesHorizon(container: MedusaContainer, now = new Date()) {
  // One run at a time, across processes: a run that ends a series must not race one booking its next visit.
  const result = await withJobLock(container, "booking-series-horizon", () => bookSeriesVisits(container, { now }))
  if (result.booked || result.rebooked || result.missed || result.ended) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(
        `Repeat visits: ${result.booked} booked, ${result.rebooked} at the nearest free time, ${result.missed} not booked, ${result.ended} series ended (${result.series} series)`
      )
  }
  return result
}

export default async function bookingSeriesHorizonJob(container: MedusaContainer) {
  await bookingSeriesHorizon(container)
}

export const config = {
  name: "booking-series-horizon",
  schedule: "41 * * * *",
}
