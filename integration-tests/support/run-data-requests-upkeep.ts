import type { ExecArgs } from "@medusajs/framework/types"
import { dataRequestsUpkeep } from "@fieldservice/medusa-portal/jobs/data-requests-upkeep"

/** Runs the data-requests upkeep job once (`medusa exec`), as its hourly schedule would. */
export default async function runDataRequestsUpkeep({ container }: ExecArgs) {
  await dataRequestsUpkeep(container)
}
