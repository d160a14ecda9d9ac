import { linkCustomer, quotePdf } from "../../../../../../../api/utils/quote-routes"

/** The quote's PDF through the emailed link's session: that one quote only. */
export const GET = quotePdf(linkCustomer)
