import { type MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminUpdatePortalSettings } from "./validators"

export const adminPortalRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/portal/settings", method: "POST", middlewares: [validateAndTransformBody(AdminUpdatePortalSettings)] },
]
