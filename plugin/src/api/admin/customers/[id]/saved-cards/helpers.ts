import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { cardPaymentsConfigured } from "../../../../../utils/saved-cards"
import { SAVED_CARD_ID } from "../../../../utils/common-validators/saved-card"

/** The customer whose cards staff change: an unknown id is 404 before Stripe is asked anything. */
export async function customerForCards(req: AuthenticatedMedusaRequest): Promise<string> {
  const customer = await req.scope.resolve(Modules.CUSTOMER).retrieveCustomer(req.params.id, { select: ["id"] })
  return customer.id
}

/** Changes need Stripe: said to staff in their words (the portal tells customers to pay on the day). */
export async function customerForCardChange(req: AuthenticatedMedusaRequest): Promise<string> {
  const customerId = await customerForCards(req)
  if (!cardPaymentsConfigured(req.scope)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "Card payments aren't set up for this business, so cards can't be saved or changed. Set STRIPE_API_KEY on the server to turn them on."
    )
  }
  return customerId
}

/** The card in the path; a malformed id can't be anyone's card. Whose it is, the workflow checks (another customer's → 404). */
export function cardIdOf(req: AuthenticatedMedusaRequest): string {
  const id = req.params.card_id
  if (!SAVED_CARD_ID.test(id)) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Saved card ${id} was not found`)
  return id
}
