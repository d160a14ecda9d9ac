import { quotePdf, signedInCustomer } from "../../../../../../../api/utils/quote-routes"

/** The quote's PDF: the customer's own sent quote only, anything else 404. */
export const GET = quotePdf(signedInCustomer)
