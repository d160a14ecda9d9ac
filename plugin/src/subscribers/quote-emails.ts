import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { sendQuoteEmail, type QuoteSentEvent } from "../utils/quote-emails"
import { QUOTE_SENT } from "../workflows/quotes/send-quote"

/** A sent quote's email, with its PDF and the link to answer it. */
export default async function quoteEmails({ event: { data }, container }: SubscriberArgs<QuoteSentEvent>) {
  await sendQuoteEmail(container, data)
}

export const config: SubscriberConfig = { event: QUOTE_SENT }
