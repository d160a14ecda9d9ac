import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { stripeBrowserSettings } from "../../../../utils/saved-cards"
import type { AdminStripeSettingsResponse } from "@fieldservice/contract"

/** Whether card payments are on, and the publishable key and Stripe.js address the customer page's card form loads. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminStripeSettingsResponse>) {
  res.json({ stripe: stripeBrowserSettings(req.scope) })
}
