// Run by automatic-payments tests with `medusa exec` (a .cts file: exec loads scripts with require):
// the automatic-payments hourly job once, its clock pinned by AUTOMATIC_PAYMENTS_NOW (an ISO instant)
// so a test can stand on a due date and on each retry's day.
import type { ExecArgs } from "@medusajs/framework/types"
import { automaticPayments } from "@fieldservice/medusa-portal/jobs/automatic-payments"

export default async function runAutomaticPayments({ container }: ExecArgs) {
  const now = process.env.AUTOMATIC_PAYMENTS_NOW ? new Date(process.env.AUTOMATIC_PAYMENTS_NOW) : new Date()
  const result = await automaticPayments(container, now)
  // Events the run emitted (the receipt) are handled by this process's subscribers: let them finish before exec exits.
  await new Promise((resolve) => setTimeout(resolve, 3000))
  console.log(`AUTOMATIC_PAYMENTS_RESULT ${JSON.stringify(result)}`)
}
