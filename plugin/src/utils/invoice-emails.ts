import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { Knex } from "knex"
import { formatLongDate, formatMoney, PAYMENT_METHOD_LABELS, type Invoice } from "@fieldservice/contract"
import { NOTIFICATION_TABLE } from "../db/tables"
import { renderInvoicePdf } from "../documents/invoice-pdf"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../modules/portal-access"
import { SERVICES_MODULE, type ServicesModuleService } from "../modules/services"
import { loadInvoice } from "../queries/invoices"
import { CREDIT_NOTE_ISSUED } from "../workflows/invoices/create-credit-note"
import { INVOICE_ISSUED } from "../workflows/invoices/issue-invoice"
import { INVOICE_PAYMENT_RECORDED } from "../workflows/invoices/record-invoice-payment"
import { feedNotice, noticeSettings } from "./customer-notices"

export type InvoiceEvent = { id: string; payment_id?: string; credit_note_id?: string; resent?: boolean }

function statusText(invoice: Invoice, timeZone: string): string {
  const money = (amount: number) => formatMoney(amount, invoice.currency_code)
  if (invoice.balance === 0) {
    const card = invoice.payments.find((payment) => payment.card)?.card
    return card
      ? `It has been paid with your ${card.brand} card ending ${card.last4}: there is nothing more to pay.`
      : "It is paid: there is nothing more to pay."
  }
  return `${money(invoice.balance)} is due${invoice.due_at ? ` by ${formatLongDate(invoice.due_at, timeZone)}` : ""}. You can pay it online with a card.`
}

/** The first email of an issued invoice is sent once, whoever asks (the event, the billing run's sender, a retry). */
const ISSUED_EMAIL = "invoice-issued:"
export const issuedEmailKey = (invoiceId: string) => `${ISSUED_EMAIL}${invoiceId}`

/**
 * An issued invoice (or one corrected by a credit note) goes to the customer by email with its PDF
 * attached (made here, when it is first needed), and into their portal notifications; recorded
 * money gets a receipt. The Notification module's own event puts each email into the customer's
 * activity and communication log.
 */
export async function sendInvoiceEmails(container: MedusaContainer, name: string, data: InvoiceEvent) {
  const first = name === INVOICE_ISSUED && !data.resent
  // The model has the column; its filter type leaves it out.
  const sent = { idempotency_key: issuedEmailKey(data.id) } as Record<string, unknown>
  if (first && (await container.resolve(Modules.NOTIFICATION).listNotifications(sent, { take: 1 })).length) return
  const invoice = await loadInvoice(container, data.id)
  if (invoice.status === "draft" || !invoice.number) return
  const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
  const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
  const customer = await container.resolve(Modules.CUSTOMER).retrieveCustomer(invoice.payer_id)
  const notifications = container.resolve(Modules.NOTIFICATION)
  const common = { receiver_id: customer.id, resource_id: invoice.id, resource_type: "invoice", trigger_type: name }
  const to = invoice.bill_to.email || customer.email
  const invoiceUrl = portal.portalLink(`/invoices/${invoice.id}`)
  const money = (amount: number) => formatMoney(amount, invoice.currency_code)

  if (name === INVOICE_PAYMENT_RECORDED) {
    const payment = invoice.payments.find((p) => p.id === data.payment_id)
    if (!payment) return
    await notifications.createNotifications({
      ...common,
      to,
      channel: "email",
      template: "invoice-receipt",
      data: {
        first_name: customer.first_name ?? undefined,
        invoice_number: invoice.number,
        amount_text: payment.kind === "refund" ? `a refund of ${money(payment.amount)}` : money(payment.amount),
        method_text: payment.card ? `${payment.card.brand} card ending ${payment.card.last4}` : PAYMENT_METHOD_LABELS[payment.method].toLowerCase(),
        balance_text: invoice.balance === 0 ? "Nothing more is owed on this invoice." : `${money(invoice.balance)} is still owed on it.`,
        invoice_url: invoiceUrl,
      },
    })
    return
  }
  if (invoice.status === "void") return
  const pdf = await renderInvoicePdf(invoice, services.timeZone)
  const corrected = name === CREDIT_NOTE_ISSUED
  await notifications.createNotifications([
    {
      ...common,
      to,
      channel: "email",
      template: "invoice-issued",
      data: {
        first_name: customer.first_name ?? undefined,
        invoice_number: invoice.number,
        amount_text: money(invoice.total),
        status_text: `${corrected ? `We have issued a credit note on it: ${money(invoice.credited_total)} credited in all. ` : ""}${statusText(invoice, services.timeZone)}`,
        invoice_url: invoiceUrl,
      },
      idempotency_key: first ? issuedEmailKey(invoice.id) : undefined,
      attachments: [{ filename: `${invoice.number}.pdf`, content: pdf.toString("base64"), content_type: "application/pdf", disposition: "attachment" }],
    },
    // The portal notice as Settings → Customer portal allows; the invoice's email always goes.
    ...((await noticeSettings(container)).invoice_issued.notice
      ? [
          feedNotice({
            event: "invoice_issued",
            customer_id: customer.id,
            title: corrected ? `Invoice ${invoice.number} corrected` : `Invoice ${invoice.number}`,
            message: `${money(invoice.total)}. ${statusText(invoice, services.timeZone)}`,
            url: `/invoices/${invoice.id}`,
            resource_type: "invoice",
            resource_id: invoice.id,
            trigger_type: name,
            idempotency_key: first ? issuedEmailKey(invoice.id) : undefined,
          }),
        ]
      : []),
  ])
}

/**
 * Consolidated invoices issued lately whose email has not gone out: a billing run issues them in
 * batches without an event each, and the `invoice-emails` job sends them after it, a few at a
 * time, so a run killed before its emails leaves them to the next send.
 */
export async function invoicesAwaitingEmail(container: MedusaContainer, limit: number): Promise<string[]> {
  const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await knex.raw(
    `select i.id from invoice i
      where i.billing_key is not null and i.deleted_at is null and i.status in ('issued', 'partially_paid', 'paid')
        and i.issued_at > now() - interval '3 days'
        and not exists (select 1 from ${NOTIFICATION_TABLE} n where n.idempotency_key = ? || i.id)
      order by i.issued_at, i.id limit ?`,
    [ISSUED_EMAIL, limit]
  )
  return (rows as { id: string }[]).map((row) => row.id)
}
