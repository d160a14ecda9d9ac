import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { addDays, localDateOf } from "../../modules/services/time-zone"
import { SERVICES_MODULE, type ServicesModuleService } from "../../modules/services"
import { compareDays, isoDay, lastCloseBefore } from "../../modules/invoices/billing-periods"
import { cycleSetting, groupByPayer, invoiceGroupKey, payerKey, visitPayer, waitingVisitRows, type WaitingVisitRow } from "../../queries/billing-cycles"
import type { ActivityActor } from "../customer-profile/activity"
import { INVOICES_MODULE, type InvoicesModuleService } from "../../modules/invoices"
import { issueInvoiceWorkflow } from "../invoices/issue-invoice"
import { issueCycleInvoiceWorkflow } from "./issue-cycle-invoice"
import { issueCycleInvoicesWorkflow } from "./issue-cycle-invoices"
import type { CycleInvoiceInput } from "./steps/build-cycle-invoice"

const CONCURRENCY = Math.max(1, Number(process.env.BILLING_CYCLES_CONCURRENCY ?? 4))
/** Payers per batch of the scheduled run (one workflow, one transaction for their invoices). */
const BATCH = Math.max(1, Number(process.env.BILLING_CYCLES_BATCH ?? 500))
const BATCHES_AT_ONCE = Math.max(1, Number(process.env.BILLING_CYCLES_BATCHES_AT_ONCE ?? 1))

export type BillingRunResult = { payers: number; invoices: number; visits: number; failed: number }

type Periodic = Exclude<ReturnType<typeof cycleSetting>, { frequency: "per_visit" }>
type DuePayer = { visits: WaitingVisitRow[]; starts_on: string; closes_on: string }
type KeyOf = (payer: DuePayer) => string | null

/**
 * Each payer's visits up to the end of their latest closed period, on one invoice per payer,
 * period and currency. Payers go in batches, each batch one workflow (its invoices in one
 * transaction), so a run killed half-way loses at most the batch in flight, and the next run picks
 * up what is left. A batch that fails is billed payer by payer, so one payer's bad data costs only
 * that payer's invoice.
 */
export async function runBillingCycles(container: MedusaContainer, now = new Date()): Promise<BillingRunResult> {
  const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
  const today = localDateOf(now, services.timeZone)
  // One invoice per payer, period and currency: a bill payer's customers on cycles closing the same day share it.
  const due = new Map<string, DuePayer>()
  for (const visit of await waitingVisitRows(container, null)) {
    const setting = cycleSetting(visit) as Periodic
    const closed = lastCloseBefore(setting, today)
    if (compareDays(localDateOf(new Date(visit.starts_at), services.timeZone), closed) > 0) continue
    const starts_on = isoDay(addDays(lastCloseBefore(setting, closed), 1))
    const key = `${invoiceGroupKey(visit)}:${isoDay(closed)}`
    const period = due.get(key)
    if (!period) due.set(key, { visits: [visit], starts_on, closes_on: isoDay(closed) })
    else {
      period.visits.push(visit)
      if (starts_on < period.starts_on) period.starts_on = starts_on
    }
  }
  const keyOf: KeyOf = (payer) => `cycle:${payerKey(payer.visits[0])}:${payer.closes_on}:${payer.visits[0].currency_code ?? "-"}`
  const payers = [...due.values()]
  const result: BillingRunResult = { payers: payers.length, invoices: 0, visits: 0, failed: 0 }
  const billBatch = async (batch: DuePayer[]) => {
    try {
      const { result: made } = await issueCycleInvoicesWorkflow(container).run({ input: { payers: batch.map((payer) => cycleInput(payer, keyOf)) } })
      result.invoices += made.created
      result.visits += made.visits
    } catch (error) {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`Billing cycles: a batch of ${batch.length} payers failed (${(error as Error).message}); billing them one by one`)
      const one = await issueFor(container, batch, keyOf)
      result.invoices += one.invoices
      result.visits += one.visits
      result.failed += one.failed
    }
  }
  // One batch at a time by default: on two cores, two at once measured slower (docs/decisions/billing-cycles.md).
  let next = 0
  const worker = async () => {
    while (next < payers.length) {
      const batch = payers.slice(next, (next += BATCH))
      await billBatch(batch)
    }
  }
  await Promise.all(Array.from({ length: BATCHES_AT_ONCE }, worker))
  return { ...result, invoices: result.invoices + (await issueLeftDrafts(container)) }
}

const cycleInput = (payer: DuePayer, keyOf: KeyOf): CycleInvoiceInput => {
  const billed = visitPayer(payer.visits[0])
  return {
    customer_id: billed.customer_id,
    business_profile_id: billed.business_profile_id,
    currency_code: payer.visits[0].currency_code,
    booking_ids: payer.visits.map((visit) => visit.id),
    billing_key: keyOf(payer),
    period_starts_on: payer.starts_on,
    period_closes_on: payer.closes_on,
  }
}

/**
 * Consolidated invoices a killed run (or request) wrote but did not issue: their visits no longer
 * wait, so the run issues them here, when Settings → Billing issues invoices at once.
 */
async function issueLeftDrafts(container: MedusaContainer): Promise<number> {
  const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
  if (!(await invoices.getSettings()).issue_on_completion) return 0
  const drafts = (await invoices.listInvoices({ status: "draft", billing_key: { $ne: null } }, { select: ["id"] })).map((draft) => draft.id)
  let issued = 0
  for (let start = 0; start < drafts.length; start += BATCH) {
    const batch = drafts.slice(start, start + BATCH)
    try {
      issued += (await issueCycleInvoicesWorkflow(container).run({ input: { payers: [], draft_ids: batch } })).result.issued
    } catch {
      issued += await issueOneByOne(container, batch)
    }
  }
  return issued
}

async function issueOneByOne(container: MedusaContainer, drafts: string[]): Promise<number> {
  let issued = 0
  for (const id of drafts) {
    try {
      await issueInvoiceWorkflow(container).run({ input: { invoice_id: id, actor: null } })
      issued++
    } catch (error) {
      container.resolve(ContainerRegistrationKeys.LOGGER).error(`Billing cycles: issuing draft ${id} failed: ${(error as Error).message}`)
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
  payers: DuePayer[],
  keyOf: KeyOf,
  actor: ActivityActor | null = null
): Promise<BillingRunResult & { invoice_ids: string[] }> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const result = { payers: payers.length, invoices: 0, visits: 0, failed: 0, invoice_ids: [] as string[] }
  const issueOne = async (payer: DuePayer) => {
    const input = cycleInput(payer, keyOf)
    try {
      const { result: issued } = await issueCycleInvoiceWorkflow(container).run({ input: { ...input, actor } })
      if (issued.created) {
        result.invoices++
        result.visits += payer.visits.length
      }
      if (issued.invoice_id) result.invoice_ids.push(issued.invoice_id)
    } catch (error) {
      // One payer's fault (a visit's order gone) doesn't stop the others; the next run tries again.
      result.failed++
      logger.error(`Billing cycles: the invoice for payer ${input.customer_id} failed: ${(error as Error).message}`)
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
