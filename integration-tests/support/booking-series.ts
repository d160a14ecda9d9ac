import path from "node:path"
import { inject } from "vitest"
import { run } from "../../scripts/lib/processes.mjs"
import { ROOT } from "./billing-cycles"

/** The repeat visits' hourly job once, as Medusa runs scripts against the test database, with its clock at `now`. */
export async function runSeriesJob(now: Date) {
  await run(path.join(ROOT, "node_modules/.bin/medusa"), ["exec", "./integration-tests/support/run-booking-series-horizon.cts"], {
    cwd: ROOT,
    env: { DATABASE_URL: inject("databaseUrl"), NODE_ENV: "development", MEDUSA_ADMIN_DISABLED: "true", BOOKING_SERIES_NOW: now.toISOString() },
    label: "booking-series-job",
    quiet: true,
  })
}
