import { type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminGetServiceFreeWindowsParams, AdminGetServicesParams } from "./validators"

/** The services staff book for a customer ("New booking"). */
export const adminServiceRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/services", method: "GET", middlewares: [validateAndTransformQuery(AdminGetServicesParams, {})] },
  { matcher: "/admin/services/:id/free-windows", method: "GET", middlewares: [validateAndTransformQuery(AdminGetServiceFreeWindowsParams, {})] },
]
