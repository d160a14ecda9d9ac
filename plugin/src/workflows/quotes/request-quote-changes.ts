import { quoteReplyWorkflow } from "./steps/reply-to-quote"

/** The customer asks for changes to an open quote, with their message; staff revise it (a new version) or reply. */
export const requestQuoteChangesWorkflow = quoteReplyWorkflow("request-quote-changes", {
  status: "changes_requested",
  verb: "asked for changes",
  trigger: "quote.changes_requested",
})
