import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { formatLongDate, formatMoney } from "@fieldservice/contract"
import { renderQuotePdf } from "../documents/quote-pdf"
import { sealLinkFor, withOneTimeLinks } from "../emails/one-time-links"
import { SERVICES_MODULE, type ServicesModuleService } from "../modules/services"
import { loadQuote } from "../queries/quotes"
import { quoteLinkUrl } from "./quote-links"
import { feedNotice, noticeSettings } from "./customer-notices"

export type QuoteSentEvent = { id: string; version: number }

/** Each sent version is emailed once, whoever asks (the event delivered again, a retry). */
export const quoteSentEmailKey = (quoteId: string, version: number) => `quote-sent:${quoteId}:${version}`

/**
 * A sent quote goes to the customer (or the business profile's billing email) with its PDF and a
 * link to answer it, and into their portal notifications. The Notification module's own event
 * puts the email into the customer's activity and communication log.
 */
export async function sendQuoteEmail(container: MedusaContainer, data: QuoteSentEvent) {
  const notifications = container.resolve(Modules.NOTIFICATION)
  const key = quoteSentEmailKey(data.id, data.version)
  if ((await notifications.listNotifications({ idempotency_key: key } as Record<string, unknown>, { take: 1 })).length) return
  const quote = await loadQuote(container, data.id, "customer")
  if (!quote.current || quote.current.version !== data.version || !quote.number) return
  const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
  const customer = await container.resolve(Modules.CUSTOMER).retrieveCustomer(quote.customer_id)
  const pdf = await renderQuotePdf(quote, quote.current, services.timeZone)
  // The quote-link page opens this one quote without a password (a signed-in customer just lands on it).
  const link = sealLinkFor(container, quoteLinkUrl(container, quote))
  const options = quote.current.options
  const amount = formatMoney(quote.total, quote.currency_code)
  const common = { receiver_id: customer.id, resource_id: quote.id, resource_type: "quote", trigger_type: "quote.sent" }
  const expiry = quote.expires_on
    ? `It is valid until ${formatLongDate(`${quote.expires_on}T12:00:00Z`, services.timeZone)}.`
    : "Accept it online whenever you are ready."
  await notifications.createNotifications([
    {
      ...common,
      to: quote.bill_to.email || customer.email,
      channel: "email",
      template: "quote-sent",
      data: withOneTimeLinks(
        {
          first_name: customer.first_name ?? undefined,
          quote_number: quote.number,
          quote_title: quote.title,
          amount_text:
            options.length > 1 ? `${options.length} options, from ${formatMoney(Math.min(...options.map((o) => o.total)), quote.currency_code)}` : amount,
          expiry_text: expiry,
        },
        { quote_url: link }
      ),
      idempotency_key: key,
      attachments: [{ filename: `${quote.number}.pdf`, content: pdf.toString("base64"), content_type: "application/pdf", disposition: "attachment" }],
    },
    // The portal notice as Settings → Customer portal allows; the quote's email always goes.
    ...((await noticeSettings(container)).quote_sent.notice
      ? [
          feedNotice({
            event: "quote_sent",
            customer_id: customer.id,
            title: `Quote ${quote.number}`,
            message: `${quote.title}: ${amount}. ${expiry}`,
            url: `/quotes/${quote.id}`,
            resource_type: "quote",
            resource_id: quote.id,
            trigger_type: "quote.sent",
            idempotency_key: key,
          }),
        ]
      : []),
  ])
}
