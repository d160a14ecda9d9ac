import { quoteReplyWorkflow } from "./steps/reply-to-quote"

/** The customer declines an open quote, with their reason. */
export const declineQuoteWorkflow = quoteReplyWorkflow("decline-quote", { status: "declined", verb: "declined it", trigger: "quote.declined" })
