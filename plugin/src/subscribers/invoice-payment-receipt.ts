import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { formatMoney } from "@fieldservice/contract"
import { INVOICES_MODULE, type InvoicesModuleService } from "../modules/invoices"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../modules/portal-access"
import { loadInvoiceCheckout } from "../queries/invoice-payments"
import { INVOICE_CHECKOUT_PAID } from "../workflows/invoice-payments/complete-invoice-checkout"

const list = (items: string[]) => (items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`)

/**
 * One receipt for an online payment, listing every invoice it paid (not one per invoice). The
 * Notification module's own event puts it into the customer's activity and communication log.
 */
export default async function sendInvoicePaymentReceipt({ event: { name, data }, container }: SubscriberArgs<{ id: string }>) {
  const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
  const [row] = await invoices.listInvoiceCheckouts({ id: data.id }, { take: 1 })
  if (!row || row.status !== "succeeded") return
  const checkout = await loadInvoiceCheckout(container, row.id, row.customer_id)
  const customer = await container.resolve(Modules.CUSTOMER).retrieveCustomer(row.customer_id)
  const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
  const money = (amount: number) => formatMoney(amount, checkout.currency_code)
  const several = checkout.invoices.length > 1
  await container.resolve(Modules.NOTIFICATION).createNotifications({
    receiver_id: customer.id,
    resource_id: checkout.id,
    resource_type: "invoice_checkout",
    trigger_type: name,
    to: customer.email,
    channel: "email",
    template: "invoice-payment-receipt",
    data: {
      first_name: customer.first_name ?? undefined,
      amount_text: money(checkout.amount),
      method_text: checkout.card ? `${checkout.card.brand} card ending ${checkout.card.last4}` : "card",
      invoices_text: `${several ? "invoices" : "invoice"} ${list(checkout.invoices.map((item) => `${item.number ?? item.id} (${money(item.amount)})`))}`,
      invoices_url: portal.portalLink(several ? "/invoices?view=paid" : `/invoices/${checkout.invoices[0].id}`),
    },
  })
}

export const config: SubscriberConfig = { event: INVOICE_CHECKOUT_PAID }
