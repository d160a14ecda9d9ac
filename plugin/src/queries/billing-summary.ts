import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import type { AdminCustomerBillingSummary, InvoicePaymentMethod, InvoiceStatus, PaymentTerms } from "@fieldservice/contract"
import { companyTermDays, dueRuleText, INVOICES_MODULE, paidByFilter, invoiceBalance, isOverdue, type InvoicesModuleService } from "../modules/invoices"
import { presentInvoice } from "./invoices"

const OPEN: InvoiceStatus[] = ["issued", "partially_paid"]
const RECENT = 5

/**
 * What the customer owes and has paid, for the billing card on their page. Sums are Medusa
 * BigNumbers to the end; an unknown customer is "not found".
 */
export async function customerBillingSummary(scope: MedusaContainer, customerId: string, now = new Date()): Promise<AdminCustomerBillingSummary> {
  await scope.resolve(Modules.CUSTOMER).retrieveCustomer(customerId, { select: ["id"] })
  const invoices: InvoicesModuleService = scope.resolve(INVOICES_MODULE)
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)

  const [settings, profile, open, [recent, count], ids] = await Promise.all([
    invoices.getSettings(),
    query.graph({ entity: "customer", fields: ["customer_profile.payment_terms_days"], filters: { id: customerId } }),
    // What they owe: the invoices they pay (their bill payer's are the payer's to pay).
    invoices.listInvoices({ ...paidByFilter(customerId), status: OPEN }),
    // What they see: their own visits' invoices, and those they pay for others.
    invoices.listAndCountInvoices(
      { $or: [{ customer_id: customerId }, { payer_id: customerId }] },
      { relations: ["lines", "payments", "credit_notes"], order: { created_at: "DESC", id: "DESC" }, take: RECENT }
    ),
    invoices.listInvoices({ $or: [{ customer_id: customerId }, { payer_id: customerId }] }, { select: ["id", "number"] }),
  ])

  const customerDays = (profile.data[0] as { customer_profile?: { payment_terms_days: number | null } | null } | undefined)?.customer_profile
    ?.payment_terms_days
  const rule = customerDays === null || customerDays === undefined ? "company" : "customer"
  const days =
    rule === "customer"
      ? customerDays!
      : companyTermDays({ default_terms: settings.default_terms as PaymentTerms, default_terms_days: settings.default_terms_days ?? null })

  let balance = MathBN.convert(0)
  let overdue = MathBN.convert(0)
  let overdueCount = 0
  for (const invoice of open) {
    const amounts = { status: invoice.status as InvoiceStatus, total: invoice.total, credited_total: invoice.credited_total, paid_total: invoice.paid_total }
    const owed = invoiceBalance(amounts).toString()
    balance = MathBN.add(balance, owed)
    if (isOverdue({ ...amounts, due_at: invoice.due_at }, now)) {
      overdue = MathBN.add(overdue, owed)
      overdueCount += 1
    }
  }

  const [payment] = ids.length
    ? await invoices.listInvoicePayments(
        { invoice_id: ids.map((invoice) => invoice.id), kind: "payment" },
        { order: { paid_at: "DESC", id: "DESC" }, take: 1, select: ["id", "amount", "method", "reference", "paid_at", "invoice_id"] }
      )
    : []
  const paidInvoice = payment ? ids.find((invoice) => invoice.id === payment.invoice_id) : undefined

  return {
    customer_id: customerId,
    currency_code: recent[0]?.currency_code ?? null,
    terms: { days, rule, text: dueRuleText(rule, days)! },
    balance: MathBN.convert(balance).toNumber(),
    open_count: open.length,
    overdue_total: MathBN.convert(overdue).toNumber(),
    overdue_count: overdueCount,
    last_payment:
      payment && paidInvoice
        ? {
            amount: MathBN.convert(payment.amount).toNumber(),
            method: payment.method as InvoicePaymentMethod,
            reference: payment.reference ?? null,
            paid_at: new Date(payment.paid_at).toISOString(),
            invoice_id: paidInvoice.id,
            invoice_number: paidInvoice.number ?? null,
          }
        : null,
    invoice_count: count,
    recent_invoices: recent.map((row) => presentInvoice(row, now)),
  }
}
