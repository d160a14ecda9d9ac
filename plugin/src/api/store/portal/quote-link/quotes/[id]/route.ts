import { quoteDetail, linkCustomer } from "../../../../../../api/utils/quote-routes"

/** The latest sent version of the quote; the first read of a sent quote records "viewed". */
export const GET = quoteDetail(linkCustomer)
