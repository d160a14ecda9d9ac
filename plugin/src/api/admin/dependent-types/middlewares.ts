import { type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { validateAndTransformBody } from "../../utils/validate-body"
import { refuseBody } from "../../guards/request-shape"
import { AdminConfirmDeleteParams } from "../../utils/common-validators/profile-sections"
import { AdminCreateDependentType, AdminUpdateDependentType } from "./validators"

export const adminDependentTypeRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/dependent-types", method: "POST", middlewares: [validateAndTransformBody(AdminCreateDependentType)] },
  { matcher: "/admin/dependent-types/:id", method: "POST", middlewares: [validateAndTransformBody(AdminUpdateDependentType)] },
  { matcher: "/admin/dependent-types/:id", method: "DELETE", middlewares: [refuseBody, validateAndTransformQuery(AdminConfirmDeleteParams, {})] },
]
