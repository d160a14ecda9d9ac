import type { MiddlewareRoute } from "@medusajs/framework/http"
import { referralRevoke, referralSettingsUpdate } from "@fieldservice/contract"
import { validateAndTransformBody } from "../../utils/validate-body"

/** Settings → Referrals, and taking a reward back from the customer page. */
export const adminReferralRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/referrals/settings", method: "POST", middlewares: [validateAndTransformBody(referralSettingsUpdate)] },
  { matcher: "/admin/customers/:id/referrals/:referral_id/revoke", method: "POST", middlewares: [validateAndTransformBody(referralRevoke)] },
]
