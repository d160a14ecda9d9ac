import { type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminGetCustomerTagsParams } from "./validators"

export const adminCustomerTagRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/customer-tags", method: "GET", middlewares: [validateAndTransformQuery(AdminGetCustomerTagsParams, {})] },
]
