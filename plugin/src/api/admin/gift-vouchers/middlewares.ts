import type { MiddlewareRoute } from "@medusajs/framework/http"
import { giftVoucherSettingsUpdate } from "@fieldservice/contract"
import { validateAndTransformBody } from "../../utils/validate-body"

/** Settings → Gift vouchers. */
export const adminGiftVoucherRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/gift-vouchers/settings", method: "POST", middlewares: [validateAndTransformBody(giftVoucherSettingsUpdate)] },
]
