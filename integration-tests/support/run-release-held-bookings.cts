// Run by booking-payments.test.ts with `medusa exec` (a .cts file: the integration-tests package is ESM,
// and exec loads scripts with require): the held-bookings job once, as its five-minute schedule
// would, at the time HELD_BOOKINGS_NOW says (the test pins the clock).
import type { ExecArgs } from "@medusajs/framework/types"
import { releaseHeldBookings } from "@fieldservice/medusa-portal/jobs/release-held-bookings"

export default async function runReleaseHeldBookings({ container }: ExecArgs) {
  const now = process.env.HELD_BOOKINGS_NOW ? new Date(process.env.HELD_BOOKINGS_NOW) : undefined
  const outcomes = await releaseHeldBookings(container, { now })
  console.log(`held bookings settled: ${JSON.stringify(outcomes)}`)
}
