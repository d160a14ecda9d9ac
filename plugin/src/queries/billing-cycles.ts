import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { AdminBillingCycle, AdminBillingCycleResponse, BillingCycleSetting, WaitingInvoice } from "@fieldservice/contract"
import type { Knex } from "knex"
import { BOOKING_MODULE, type BookingModuleService } from "../modules/booking"
import { BUSINESS_PROFILE_MODULE, type BusinessProfileModuleService } from "../modules/business-profile"
import { INVOICES_MODULE, invoiceTotals, lineAmounts, type InvoicesModuleService } from "../modules/invoices"
import { describeCycle, isoDay, openPeriod } from "../modules/invoices/billing-periods"
import { SERVICES_MODULE, type ServicesModuleService } from "../modules/services"
import { localDateOf } from "../modules/services/time-zone"
import { visitInvoiceLines } from "../workflows/invoices/steps/visit-lines"
import { payerParties } from "./bill-payers"

export type BillingCycleRow = {
  frequency: string
  weekday: number | null
  anchor_date: string | null
  month_day: number | null
}

/** A stored cycle as the rules and the API read it. */
export function cycleSetting(row: BillingCycleRow | null | undefined): BillingCycleSetting {
  switch (row?.frequency) {
    case "weekly":
      return { frequency: "weekly", weekday: row.weekday ?? 0 }
    case "fortnightly":
      return { frequency: "fortnightly", weekday: row.weekday ?? 0, anchor_date: row.anchor_date ?? "" }
    case "monthly":
      return { frequency: "monthly", month_day: row.month_day ?? "last" }
    default:
      return { frequency: "per_visit" }
  }
}

/** A completed visit of a customer on a cycle, not on any invoice that stands, with the cycle that bills it. */
export type WaitingVisitRow = BillingCycleRow & {
  id: string
  booking_number: string
  customer_id: string
  business_profile_id: string | null
  starts_at: Date
  order_id: string
  location_text: string | null
  /** The bill payer (another customer) who pays this visit's invoice; null: the customer does. */
  payer_id: string | null
  /** Its order's currency: a payer's visits in two currencies are two invoices. Null when the order is gone. */
  currency_code: string | null
}

/**
 * Completed visits waiting for a consolidated invoice: of the given customers, or of every
 * customer with a cycle. A visit follows its business profile's cycle when that profile has one,
 * else its customer's, and likewise its bill payer. One indexed query (booking by customer,
 * invoiced_visit by booking, the cycle and the payer by customer).
 */
export async function waitingVisitRows(container: MedusaContainer, customerIds: string[] | null): Promise<WaitingVisitRow[]> {
  const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const customers = customerIds
    ? knex.raw("b.customer_id = any(?)", [customerIds])
    : knex.raw("b.customer_id in (select customer_id from billing_cycle where frequency <> 'per_visit' and deleted_at is null)")
  const { rows } = await knex.raw(
    `select b.id, b.booking_number, b.customer_id, b.business_profile_id, b.starts_at, b.order_id, b.location_text,
            c.frequency, c.weekday, c.anchor_date, c.month_day, p.payer_id, o.currency_code
       from booking b
       left join "order" o on o.id = b.order_id
       join lateral (
         select c.frequency, c.weekday, c.anchor_date, c.month_day from billing_cycle c
          where c.customer_id = b.customer_id and c.deleted_at is null
            and (c.business_profile_id = b.business_profile_id or c.business_profile_id is null)
          order by c.business_profile_id nulls last limit 1
       ) c on c.frequency <> 'per_visit'
       left join lateral (
         select p.payer_id from bill_payer p
          where p.customer_id = b.customer_id and p.deleted_at is null
            and (p.business_profile_id = b.business_profile_id or p.business_profile_id is null)
          order by p.business_profile_id nulls last limit 1
       ) p on true
      where ? and b.status = 'completed' and b.deleted_at is null and b.order_id is not null
        and not exists (select 1 from invoiced_visit v where v.booking_id = b.id and v.deleted_at is null)
      order by b.customer_id, b.business_profile_id nulls first, b.starts_at, b.id`,
    [customers]
  )
  return rows as WaitingVisitRow[]
}

type PayingVisit = { customer_id: string; business_profile_id: string | null; payer_id?: string | null }

/**
 * Who a visit's invoice is made out to: its bill payer (another customer, with no profile), else
 * its customer and the business profile it was booked for. A payer's own visits and those they pay
 * for share one payer, so one invoice.
 */
export const visitPayer = (visit: PayingVisit) =>
  visit.payer_id
    ? { customer_id: visit.payer_id, business_profile_id: null }
    : { customer_id: visit.customer_id, business_profile_id: visit.business_profile_id }

/** The payer of a visit as a key: "<customer>:<business profile or ->". */
export const payerKey = (visit: PayingVisit) => {
  const payer = visitPayer(visit)
  return `${payer.customer_id}:${payer.business_profile_id ?? "-"}`
}

/** What one invoice gathers: a payer's visits in one currency, "<customer>:<business profile or ->:<currency>". */
export const invoiceGroupKey = (visit: PayingVisit & { currency_code?: string | null }) => `${payerKey(visit)}:${visit.currency_code ?? "-"}`

/** Visits grouped by payer and currency (one invoice each), in the order they came. */
export function groupByPayer<T extends PayingVisit & { currency_code?: string | null }>(visits: T[]): T[][] {
  const groups = new Map<string, T[]>()
  for (const visit of visits) {
    const key = invoiceGroupKey(visit)
    const group = groups.get(key)
    if (group) group.push(visit)
    else groups.set(key, [visit])
  }
  return [...groups.values()]
}

const money = (value: { toString(): string }) => Number(value.toString())

/** The preview: each payer's waiting visits with their amounts, as the next invoice will list them. */
export async function waitingInvoices(container: MedusaContainer, customerId: string, names: Map<string, string>): Promise<WaitingInvoice[]> {
  const visits = await waitingVisitRows(container, [customerId])
  const lines = await visitInvoiceLines(container, visits)
  const payers = await payerParties(
    container,
    visits.flatMap((visit) => (visit.payer_id ? [visit.payer_id] : []))
  )
  return groupByPayer(visits).map((group) => {
    const currency = lines.get(group[0].id)?.currency_code ?? group[0].currency_code ?? "gbp"
    const rows = group.map((visit) => {
      const amounts = invoiceTotals((lines.get(visit.id)?.lines ?? []).map((line) => lineAmounts(line, currency)))
      return {
        booking_id: visit.id,
        booking_number: visit.booking_number,
        visit_date: new Date(visit.starts_at).toISOString(),
        service: (lines.get(visit.id)?.lines ?? []).map((line) => line.description).join(", "),
        address: visit.location_text,
        business_profile_id: visit.business_profile_id,
        subtotal: money(amounts.subtotal),
        tax_total: money(amounts.tax_total),
        total: money(amounts.total),
        amounts,
      }
    })
    const totals = invoiceTotals(rows.map((row) => row.amounts))
    return {
      business_profile_id: group[0].business_profile_id,
      bill_to_name: group[0].payer_id ? (payers.get(group[0].payer_id)?.name ?? "") : (names.get(group[0].business_profile_id ?? "-") ?? ""),
      payer_id: group[0].payer_id,
      currency_code: currency,
      visits: rows.map(({ amounts: _amounts, ...row }) => row),
      subtotal: money(totals.subtotal),
      tax_total: money(totals.tax_total),
      total: money(totals.total),
    }
  })
}

/**
 * The customer page's "Billing cycle" card: the customer's cycle and its open period, each business
 * profile's own cycle, and what is waiting for the next invoice. An unknown customer is "not found".
 */
export async function loadBillingCycle(container: MedusaContainer, customerId: string, now = new Date()): Promise<AdminBillingCycleResponse> {
  const customer = await container.resolve(Modules.CUSTOMER).retrieveCustomer(customerId, { select: ["id", "first_name", "last_name", "email"] })
  const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
  const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
  const businessProfiles: BusinessProfileModuleService = container.resolve(BUSINESS_PROFILE_MODULE)
  const [rows, profiles] = await Promise.all([
    invoices.listBillingCycles({ customer_id: customerId }),
    businessProfiles.listBusinessProfiles({ customer_id: customerId }, { select: ["id", "name"] }),
  ])
  const today = localDateOf(now, services.timeZone)
  const present = (row: (typeof rows)[number] | undefined, businessProfileId: string | null): AdminBillingCycle => {
    const setting = cycleSetting(row)
    const period = setting.frequency === "per_visit" ? null : openPeriod(setting, today)
    return {
      customer_id: customerId,
      business_profile_id: businessProfileId,
      setting,
      description: describeCycle(setting),
      period: period ? { starts_on: isoDay(period.starts_on), closes_on: isoDay(period.closes_on) } : null,
    }
  }
  const customerRow = rows.find((row) => !row.business_profile_id)
  const names = new Map<string, string>([["-", [customer.first_name, customer.last_name].filter(Boolean).join(" ") || customer.email]])
  for (const profile of profiles) names.set(profile.id, profile.name)
  return {
    cycle: present(customerRow, null),
    business_profiles: profiles.map((profile) => {
      const own = rows.find((row) => row.business_profile_id === profile.id)
      return { ...present(own ?? customerRow, profile.id), name: profile.name, own: !!own }
    }),
    waiting: await waitingInvoices(container, customerId, names),
  }
}

/** Whether a visit is billed by a cycle (its business profile's, else its customer's) rather than on its own invoice. */
export async function billedByCycle(container: MedusaContainer, bookingId: string): Promise<boolean> {
  const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
  const [booking] = await bookings.listBookings({ id: bookingId }, { take: 1, select: ["customer_id", "business_profile_id"] })
  if (!booking?.customer_id) return false
  const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
  const rows = await invoices.listBillingCycles({ customer_id: booking.customer_id })
  const own = booking.business_profile_id ? rows.find((row) => row.business_profile_id === booking.business_profile_id) : undefined
  return cycleSetting(own ?? rows.find((row) => !row.business_profile_id)).frequency !== "per_visit"
}
