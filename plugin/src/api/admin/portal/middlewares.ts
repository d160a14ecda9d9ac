import { type MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformBody } from "../../utils/validate-body"
import { AdminUpdatePortalSettings } from "./validators"

export const adminPortalRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/portal/settings", method: "POST", middlewares: [validateAndTransformBody(AdminUpdatePortalSettings)] },
]
