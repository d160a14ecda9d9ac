import { type MedusaNextFunction, type MedusaRequest, type MedusaResponse, type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { adminGiftVoucherIssue, adminGiftVoucherUpdate, giftVoucherSettingsUpdate } from "@fieldservice/contract"
import { validateAndTransformBody } from "../../utils/validate-body"
import { AdminGetGiftVouchersParams } from "./validators"

type Middleware = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => unknown

/** "/admin/gift-vouchers/:id" also matches …/settings, whose own check comes first. */
const exceptSettings =
  (middleware: Middleware): Middleware =>
  (req, res, next) =>
    req.params?.id === "settings" ? next() : middleware(req, res, next)

/** Gift vouchers (staff list, issue, change) and Settings → Gift vouchers. */
export const adminGiftVoucherRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/gift-vouchers/settings", method: "POST", middlewares: [validateAndTransformBody(giftVoucherSettingsUpdate)] },
  { matcher: "/admin/gift-vouchers", method: "GET", middlewares: [validateAndTransformQuery(AdminGetGiftVouchersParams, {})] },
  { matcher: "/admin/gift-vouchers", method: "POST", middlewares: [validateAndTransformBody(adminGiftVoucherIssue)] },
  { matcher: "/admin/gift-vouchers/:id", method: "POST", middlewares: [exceptSettings(validateAndTransformBody(adminGiftVoucherUpdate))] },
]
