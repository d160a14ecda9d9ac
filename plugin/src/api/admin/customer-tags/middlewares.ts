import { type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { validateAndTransformBody } from "../../utils/validate-body"
import { AdminDeleteCustomerTag, AdminGetCustomerTagsParams, AdminRenameCustomerTag } from "./validators"

export const adminCustomerTagRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/customer-tags", method: "GET", middlewares: [validateAndTransformQuery(AdminGetCustomerTagsParams, {})] },
  { matcher: "/admin/customer-tags/rename", method: "POST", middlewares: [validateAndTransformBody(AdminRenameCustomerTag)] },
  { matcher: "/admin/customer-tags/delete", method: "POST", middlewares: [validateAndTransformBody(AdminDeleteCustomerTag)] },
]
