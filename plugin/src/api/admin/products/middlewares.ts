import { type MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformBody } from "../../utils/validate-body"
import { refuseBody } from "../../guards/request-shape"
import { AdminSaveServiceDetails } from "./validators"

/** The "Service" section of Medusa's product page. */
export const adminProductRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/products/:id/service", method: "POST", middlewares: [validateAndTransformBody(AdminSaveServiceDetails)] },
  { matcher: "/admin/products/:id/service", method: "DELETE", middlewares: [refuseBody] },
]
