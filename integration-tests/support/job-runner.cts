// The scheduled jobs, run on request in one Medusa process started once for the whole suite
// (`medusa exec`, as Medusa runs scripts against the test database), with the clock a test pins.
// One process instead of one per run: each `medusa exec` spends seconds loading the app.
// A .cts file: the integration-tests package is ESM, and exec loads scripts with require.
import http from "node:http"
import { performance } from "node:perf_hooks"
import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { automaticPayments } from "@fieldservice/medusa-portal/jobs/automatic-payments"
import { billingCycles } from "@fieldservice/medusa-portal/jobs/billing-cycles"
import { bookingSeriesHorizon } from "@fieldservice/medusa-portal/jobs/booking-series-horizon"
import { dataRequestsUpkeep } from "@fieldservice/medusa-portal/jobs/data-requests-upkeep"
import { expireQuotes } from "@fieldservice/medusa-portal/jobs/expire-quotes"
import { releaseHeldBookings } from "@fieldservice/medusa-portal/jobs/release-held-bookings"
import { deliverDueGiftVouchers } from "@fieldservice/medusa-portal/jobs/gift-voucher-delivery"
import { sendVisitReminders } from "@fieldservice/medusa-portal/jobs/visit-reminders"
import { conversationEmails } from "@fieldservice/medusa-portal/jobs/conversation-emails"
import { invoiceOverdueNotices } from "@fieldservice/medusa-portal/jobs/invoice-overdue-notices"

const JOBS: Record<string, (container: MedusaContainer, now: Date) => Promise<unknown>> = {
  "billing-cycles": billingCycles,
  "booking-series": bookingSeriesHorizon,
  "automatic-payments": async (container, now) => {
    const result = await automaticPayments(container, now)
    // Events the run emitted (the receipt) are handled by this process's subscribers: let them finish first.
    await new Promise((resolve) => setTimeout(resolve, 3000))
    return result
  },
  "release-held-bookings": (container, now) => releaseHeldBookings(container, { now }),
  "data-requests-upkeep": (container) => dataRequestsUpkeep(container),
  "expire-quotes": expireQuotes,
  "gift-voucher-delivery": deliverDueGiftVouchers,
  "visit-reminders": sendVisitReminders,
  "conversation-emails": conversationEmails,
  "invoice-overdue-notices": invoiceOverdueNotices,
}

export default async function jobRunner({ container }: ExecArgs) {
  const server = http.createServer((request, response) => {
    let body = ""
    request.on("data", (chunk) => (body += chunk))
    request.on("end", async () => {
      const answer = (status: number, value: unknown) => {
        response.writeHead(status, { "content-type": "application/json" })
        response.end(JSON.stringify(value))
      }
      if (request.url === "/health") return answer(200, { ok: true })
      try {
        const { job, now } = JSON.parse(body) as { job: string; now?: string }
        if (!JOBS[job]) return answer(404, { message: `No job ${job}` })
        const started = performance.now()
        const result = await JOBS[job](container, now ? new Date(now) : new Date())
        answer(200, { result: result ?? null, ms: Math.round(performance.now() - started) })
      } catch (error) {
        answer(500, { message: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) })
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(Number(process.env.JOB_RUNNER_PORT), "127.0.0.1", resolve))
  console.log(`JOB_RUNNER_READY ${process.env.JOB_RUNNER_PORT}`)
  // Serves until the suite's teardown stops the process.
  await new Promise<void>((resolve) => process.once("SIGTERM", () => server.close(() => resolve())))
}
