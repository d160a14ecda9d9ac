import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { addDays, localDateOf } from "../../modules/services/time-zone"
import { SERVICES_MODULE, type ServicesModuleService } from "../../modules/services"
import { compareDays, isoDay, lastCloseBefore } from "../../modules/invoices/billing-periods"
import { cycleSetting, groupByPayer, payerKey, visitPayer, waitingVisitRows, type WaitingVisitRow } from "../../queries/billing-cycles"
import type { ActivityActor } from "../customer-profile/activity"
import { INVOICES_MODULE, type InvoicesModuleService } from "../../modules/invoices"
import { issueInvoiceWorkflow } from "../invoices/issue-invoice"
import { issueCycleInvoiceWorkflow } from "./issue-cycle-invoice"

const CONCURRENCY = Math.max(1, Number(process.env.BILLING_CYCLES_CONCURRENCY ?? 4))

export type BillingRunResult = { payers: number; invoices: number; visits: number; failed: number }

type Periodic = Exclude<ReturnType<typeof cycleSetting>, { frequency: "per_visit" }>

/**
 * Each payer's visits up to the end of their latest closed period, on one invoice per payer and
 * period. Each payer is its own small workflow (its own transaction for the invoice), so a run
 * killed half-way loses at most the payer in flight, and the next run picks up what is left.
 */
export async function runBillingCycles(container: MedusaContainer, now = new Date()): Promise<BillingRunResult> {
  const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
  const today = localDateOf(now, services.timeZone)
  // One invoice per payer and period: a bill payer's customers on cycles closing the same day share it.
  const due = new Map<string, { visits: WaitingVisitRow[]; starts_on: string; closes_on: string }>()
  for (const visit of await waitingVisitRows(container, null)) {
    const setting = cycleSetting(visit) as Periodic
    const closed = lastCloseBefore(setting, today)
    if (compareDays(localDateOf(new Date(visit.starts_at), services.timeZone), closed) > 0) continue
    const starts_on = isoDay(addDays(lastCloseBefore(setting, closed), 1))
    const key = `${payerKey(visit)}:${isoDay(closed)}`
    const period = due.get(key)
    if (!period) due.set(key, { visits: [visit], starts_on, closes_on: isoDay(closed) })
    else {
      period.visits.push(visit)
      if (starts_on < period.starts_on) period.starts_on = starts_on
    }
  }
  const result = await issueFor(container, [...due.values()], (payer) => `cycle:${payerKey(payer.visits[0])}:${payer.closes_on}`)
  return { ...result, invoices: result.invoices + (await issueLeftDrafts(container)) }
}

/**
 * Consolidated invoices a killed run (or request) wrote but did not issue: their visits no longer
 * wait, so the run issues them here, when Settings → Billing issues invoices at once.
 */
async function issueLeftDrafts(container: MedusaContainer): Promise<number> {
  const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
  if (!(await invoices.getSettings()).issue_on_completion) return 0
  const drafts = await invoices.listInvoices({ status: "draft", billing_key: { $ne: null } }, { select: ["id"] })
  let issued = 0
  for (const draft of drafts) {
    try {
      await issueInvoiceWorkflow(container).run({ input: { invoice_id: draft.id, actor: null } })
      issued++
    } catch (error) {
      container.resolve(ContainerRegistrationKeys.LOGGER).error(`Billing cycles: issuing draft ${draft.id} failed: ${(error as Error).message}`)
    }
  }
  return issued
}

/** "Bill now": every waiting visit of the customer, each payer on one invoice at once. */
export async function billNow(
  container: MedusaContainer,
  customerId: string,
  actor: ActivityActor | null,
  only: (visit: WaitingVisitRow) => boolean = () => true
) {
  const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
  const dayOf = (visit: WaitingVisitRow) => isoDay(localDateOf(new Date(visit.starts_at), services.timeZone))
  // The period it covers: its first visit's day to its last's (visits come oldest first).
  const payers = groupByPayer((await waitingVisitRows(container, [customerId])).filter(only)).map((visits) => ({
    visits,
    starts_on: dayOf(visits[0]),
    closes_on: dayOf(visits[visits.length - 1]),
  }))
  // Keyed by the payer's first visit: that visit can be on one standing invoice only, so the key is too.
  return issueFor(container, payers, (payer) => `now:${payerKey(payer.visits[0])}:${payer.visits[0].id}`, actor)
}

async function issueFor(
  container: MedusaContainer,
  payers: { visits: WaitingVisitRow[]; starts_on: string; closes_on: string }[],
  keyOf: (payer: { visits: WaitingVisitRow[]; closes_on: string }) => string | null,
  actor: ActivityActor | null = null
): Promise<BillingRunResult & { invoice_ids: string[] }> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const result = { payers: payers.length, invoices: 0, visits: 0, failed: 0, invoice_ids: [] as string[] }
  const issueOne = async (payer: (typeof payers)[number]) => {
    const [first] = payer.visits
    const billed = visitPayer(first)
    try {
      const { result: issued } = await issueCycleInvoiceWorkflow(container).run({
        input: {
          customer_id: billed.customer_id,
          business_profile_id: billed.business_profile_id,
          booking_ids: payer.visits.map((visit) => visit.id),
          billing_key: keyOf(payer),
          period_starts_on: payer.starts_on,
          period_closes_on: payer.closes_on,
          actor,
        },
      })
      if (issued.created) {
        result.invoices++
        result.visits += payer.visits.length
      }
      if (issued.invoice_id) result.invoice_ids.push(issued.invoice_id)
    } catch (error) {
      // One payer's fault (a visit's order gone) doesn't stop the others; the next run tries again.
      result.failed++
      logger.error(`Billing cycles: the invoice for payer ${billed.customer_id} failed: ${(error as Error).message}`)
    }
  }
  // A few payers at a time (each under its own lock), so the database's round trips overlap.
  let next = 0
  const worker = async () => {
    while (next < payers.length) await issueOne(payers[next++])
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, payers.length) }, worker))
  return result
}
