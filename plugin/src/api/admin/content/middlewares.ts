import { type MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformBody } from "../../utils/validate-body"
import { refuseBody } from "../../guards/request-shape"
import { AdminCreateFaq, AdminCreateTerm, AdminUpdateFaq, AdminUpdateTerm } from "./validators"

export const adminContentRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/content/faqs", method: "POST", middlewares: [validateAndTransformBody(AdminCreateFaq)] },
  { matcher: "/admin/content/faqs/:id", method: "POST", middlewares: [validateAndTransformBody(AdminUpdateFaq)] },
  { matcher: "/admin/content/terms", method: "POST", middlewares: [validateAndTransformBody(AdminCreateTerm)] },
  { matcher: "/admin/content/terms/:id", method: "POST", middlewares: [validateAndTransformBody(AdminUpdateTerm)] },
  { matcher: "/admin/content/faqs/:id", method: "DELETE", middlewares: [refuseBody] },
  { matcher: "/admin/content/terms/:id", method: "DELETE", middlewares: [refuseBody] },
]
