import { quoteDecline, signedInCustomer } from "../../../../../../../api/utils/quote-routes"

/** Declines the quote, with the customer's reason. */
export const POST = quoteDecline(signedInCustomer)
