import { quoteDepositConfirm } from "../../../../../../../../api/utils/quote-deposit-routes"
import { signedInCustomer } from "../../../../../../../../api/utils/quote-routes"

/** After the bank's 3-D Secure check in the browser: how the deposit's payment ended, recorded once. */
export const POST = quoteDepositConfirm(signedInCustomer)
