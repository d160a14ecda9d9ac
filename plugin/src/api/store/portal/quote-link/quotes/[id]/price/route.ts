import { quotePrice, linkCustomer } from "../../../../../../../api/utils/quote-routes"

/** The totals and deposit of an option with the optional lines ticked. */
export const POST = quotePrice(linkCustomer)
