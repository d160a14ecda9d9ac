import { type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { validateAndTransformBody } from "../../utils/validate-body"
import { refuseBody } from "../../guards/request-shape"
import { AdminConfirmDeleteParams } from "../../utils/common-validators/profile-sections"
import { AdminCreateFieldworker, AdminGetFieldworkersParams, AdminUpdateFieldworker } from "./validators"

export const adminFieldworkerRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/fieldworkers", method: "GET", middlewares: [validateAndTransformQuery(AdminGetFieldworkersParams, {})] },
  { matcher: "/admin/fieldworkers", method: "POST", middlewares: [validateAndTransformBody(AdminCreateFieldworker)] },
  { matcher: "/admin/fieldworkers/:id", method: "POST", middlewares: [validateAndTransformBody(AdminUpdateFieldworker)] },
  { matcher: "/admin/fieldworkers/:id", method: "DELETE", middlewares: [refuseBody, validateAndTransformQuery(AdminConfirmDeleteParams, {})] },
]
