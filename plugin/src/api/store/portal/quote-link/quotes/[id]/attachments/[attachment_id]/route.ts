import { linkCustomer, quoteAttachment } from "../../../../../../../../api/utils/quote-routes"

/** A photo or PDF of the quote through the emailed link's session: that one quote only. */
export const GET = quoteAttachment(linkCustomer)
