import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "knex"
import { formatLongDate, formatMoney } from "@fieldservice/contract"
import { NOTIFICATION_TABLE } from "../db/tables"
import { SERVICES_MODULE, type ServicesModuleService } from "../modules/services"
import { loadInvoice } from "../queries/invoices"
import { noticeCustomer } from "../utils/customer-notices"
import { withJobLock } from "../utils/job-lock"

/** Invoices that fell due longer ago than this are old news: turning the notice on later doesn't dig them up. */
const LOOK_BACK_DAYS = 14
const PER_RUN = 500

export const overdueNoticeKey = (invoiceId: string) => `invoice-overdue:${invoiceId}`

/**
 * Invoices still owed after their due day (the business's calendar: `due_at` is that day's last
 * minute) tell their payer once, in the portal and by email as Settings → Customer portal says.
 * Nothing stores "overdue": it is the time passing, so this job notices it. `now` pins the clock (tests).
 */
export async function invoiceOverdueNotices(container: MedusaContainer, now = new Date()): Promise<{ notified: string[] }> {
  return withJobLock(container, "invoice-overdue-notices", async () => {
    const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const { rows } = await knex.raw(
      `select i.id from invoice i
        where i.deleted_at is null and i.status in ('issued', 'partially_paid') and i.due_at < ? and i.due_at > ?
          and not exists (select 1 from ${NOTIFICATION_TABLE} n where n.idempotency_key in (? || i.id || ':feed', ? || i.id || ':email'))
        order by i.due_at, i.id limit ?`,
      [now, new Date(now.getTime() - LOOK_BACK_DAYS * 86_400_000), "invoice-overdue:", "invoice-overdue:", PER_RUN]
    )
    const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
    const notified: string[] = []
    for (const { id } of rows as { id: string }[]) {
      const invoice = await loadInvoice(container, id)
      if (!invoice.number || invoice.balance <= 0) continue
      const due = invoice.due_at ? ` It was due on ${formatLongDate(invoice.due_at, services.timeZone)}.` : ""
      await noticeCustomer(container, {
        event: "invoice_overdue",
        customer_id: invoice.payer_id,
        title: `Invoice ${invoice.number} is overdue`,
        message: `${formatMoney(invoice.balance, invoice.currency_code)} is still owed.${due} You can pay it online with a card.`,
        url: `/invoices/${invoice.id}`,
        resource_type: "invoice",
        resource_id: invoice.id,
        trigger_type: "invoice.overdue",
        idempotency_key: overdueNoticeKey(invoice.id),
      })
      notified.push(invoice.id)
    }
    return { notified }
  })
}

export default async function invoiceOverdueNoticesJob(container: MedusaContainer) {
  await invoiceOverdueNotices(container)
}

export const config = { name: "invoice-overdue-notices", schedule: "*/15 * * * *" }
