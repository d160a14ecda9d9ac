import { quoteAttachment, signedInCustomer } from "../../../../../../../../api/utils/quote-routes"

/** A photo or PDF on the customer's own sent quote; a draft's file, or anyone else's, is 404. */
export const GET = quoteAttachment(signedInCustomer)
