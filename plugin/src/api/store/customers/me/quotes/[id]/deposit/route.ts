import { quoteDepositPay } from "../../../../../../../api/utils/quote-deposit-routes"
import { signedInCustomer } from "../../../../../../../api/utils/quote-routes"

/** "Pay deposit": the accepted quote's deposit, with a saved card or a new one; charged once however often it is sent. */
export const POST = quoteDepositPay(signedInCustomer)
