import { quoteRequestChanges, linkCustomer } from "../../../../../../../api/utils/quote-routes"

/** Asks the office for changes to the quote, with the customer's message. */
export const POST = quoteRequestChanges(linkCustomer)
