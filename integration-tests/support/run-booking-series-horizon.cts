// Run by `npm run bench:cycles` with `medusa exec` (a .cts file: the integration-tests package is
// ESM, and exec loads scripts with require): the repeat visits' hourly job once, with the clock
// pinned by BOOKING_SERIES_NOW (an ISO instant), timing the run alone. Tests use support/jobs.ts.
import { performance } from "node:perf_hooks"
import type { ExecArgs } from "@medusajs/framework/types"
import { bookingSeriesHorizon } from "@fieldservice/medusa-portal/jobs/booking-series-horizon"

export default async function runBookingSeriesHorizon({ container }: ExecArgs) {
  const now = process.env.BOOKING_SERIES_NOW ? new Date(process.env.BOOKING_SERIES_NOW) : new Date()
  const started = performance.now()
  const result = await bookingSeriesHorizon(container, now)
  // The run alone, without the process's start-up (npm run bench:cycles prints it).
  console.log(`BOOKING_SERIES_RESULT ${JSON.stringify({ ...result, ms: Math.round(performance.now() - started) })}`)
}
