// Run by data-export.test.ts with `medusa exec` (a .cts file: the integration-tests package is ESM,
// and exec loads scripts with require): the data-requests upkeep job once, as its hourly schedule would.
import type { ExecArgs } from "@medusajs/framework/types"
import { dataRequestsUpkeep } from "@fieldservice/medusa-portal/jobs/data-requests-upkeep"

export default async function runDataRequestsUpkeep({ container }: ExecArgs) {
  await dataRequestsUpkeep(container)
}
