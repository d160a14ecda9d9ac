import { quoteAccept } from "../../../../../../../api/utils/quote-deposit-routes"
import { linkCustomer } from "../../../../../../../api/utils/quote-routes"

/** Accepts the quote: one option of the current version, its ticked optional lines and a typed name. */
export const POST = quoteAccept(linkCustomer)
