// Run by admin-quotes.test.ts with `medusa exec` (a .cts file: the integration-tests package is ESM,
// and exec loads scripts with require): the quotes' hourly expiry job once, its clock at QUOTES_NOW.
import type { ExecArgs } from "@medusajs/framework/types"
import { expireQuotes } from "@fieldservice/medusa-portal/jobs/expire-quotes"

export default async function runExpireQuotes({ container }: ExecArgs) {
  const now = process.env.QUOTES_NOW ? new Date(process.env.QUOTES_NOW) : new Date()
  console.log(`QUOTES_EXPIRED ${JSON.stringify(await expireQuotes(container, now))}`)
}
