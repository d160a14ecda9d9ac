import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { sendInvoiceEmails, type InvoiceEvent } from "../utils/invoice-emails"
import { CREDIT_NOTE_ISSUED } from "../workflows/invoices/create-credit-note"
import { INVOICE_ISSUED } from "../workflows/invoices/issue-invoice"
import { INVOICE_PAYMENT_RECORDED } from "../workflows/invoices/record-invoice-payment"

/** An invoice's emails: issued (with its PDF), corrected by a credit note, money recorded. */
export default async function invoiceEmails({ event: { name, data }, container }: SubscriberArgs<InvoiceEvent>) {
  await sendInvoiceEmails(container, name, data)
}

export const config: SubscriberConfig = { event: [INVOICE_ISSUED, CREDIT_NOTE_ISSUED, INVOICE_PAYMENT_RECORDED] }
