import { type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { validateAndTransformBody } from "../../utils/validate-body"
import { refuseBody } from "../../guards/request-shape"
import { AdminConfirmDeleteParams } from "../../utils/common-validators/profile-sections"
import { AdminCreateCustomField, AdminGetCustomFieldsParams, AdminUpdateCustomField } from "./validators"

export const adminCustomFieldRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/custom-fields", method: "GET", middlewares: [validateAndTransformQuery(AdminGetCustomFieldsParams, {})] },
  { matcher: "/admin/custom-fields", method: "POST", middlewares: [validateAndTransformBody(AdminCreateCustomField)] },
  { matcher: "/admin/custom-fields/:id", method: "POST", middlewares: [validateAndTransformBody(AdminUpdateCustomField)] },
  { matcher: "/admin/custom-fields/:id", method: "DELETE", middlewares: [refuseBody, validateAndTransformQuery(AdminConfirmDeleteParams, {})] },
]
