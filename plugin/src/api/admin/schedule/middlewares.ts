import { type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminGetScheduleParams } from "./validators"

export const adminScheduleRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/schedule", method: "GET", middlewares: [validateAndTransformQuery(AdminGetScheduleParams, {})] },
]
